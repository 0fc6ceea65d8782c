package hub.ameen.notification.inbound;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import hub.ameen.notification.inbox.HeldNotifications;
import hub.ameen.notification.inbox.Notification;
import hub.ameen.notification.inbox.NotificationDraft;
import hub.ameen.notification.inbox.NotificationListener;
import hub.ameen.notification.inbox.NotificationStore;
import hub.ameen.notification.preference.PreferenceStore;
import hub.ameen.notification.preference.Preferences;
import hub.ameen.platform.events.NotificationTypes;
import hub.ameen.platform.store.WriteTxn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Addresses a draft to its recipients inside the caller's transaction, as each chose for
 * its type (live, held for their digest, or not at all). The notifications made live are
 * announced to every instance together ({@link NotificationStore#announce}: a few records
 * for a broadcast to thousands), which keeps each and tells its
 * {@link NotificationListener}s when it reads it back: every instance that reads the
 * source event announces it under the same id, and it is kept once.
 */
@Component
public class Notifier {

	private static final Logger logger = LoggerFactory.getLogger(Notifier.class);

	private final NotificationStore notifications;

	private final PreferenceStore preferences;

	private final Clock clock;

	private final HeldNotifications held;

	Notifier(NotificationStore notifications, PreferenceStore preferences, HeldNotifications held, Clock clock) {
		this.notifications = notifications;
		this.held = held;
		this.preferences = preferences;
		this.clock = clock;
	}

	/**
	 * Announces one notification per distinct recipient who has not muted the draft's
	 * type.
	 * @param txn the transaction that also records the source event as processed
	 * @param draft what to say
	 * @param userIds the recipients
	 * @return the notifications announced (numbered once they are read back)
	 */
	public List<Notification> notify(WriteTxn txn, NotificationDraft draft, Collection<String> userIds) {
		Instant now = this.clock.instant();
		List<String> live = new ArrayList<>();
		for (String userId : new LinkedHashSet<>(userIds)) {
			if (!isUserId(userId)) {
				logger.warn("Skipping recipient {} of event {}: not a user id", userId, draft.sourceEventId());
			}
			else if (deliversLive(txn, userId, draft)) {
				live.add(userId);
			}
		}
		return live.isEmpty() ? List.of() : this.notifications.announce(txn, draft, now, live);
	}

	/**
	 * As the user chose for the type: whether it is made now; else it is held for the
	 * digest, or not made at all.
	 */
	private boolean deliversLive(WriteTxn txn, String userId, NotificationDraft draft) {
		String mode = this.preferences.get(txn, userId).modeOf(draft.type());
		if (Preferences.OFF.equals(mode)) {
			return false;
		}
		if (Preferences.DIGEST.equals(mode) && !NotificationTypes.TASK_DIGEST.equals(draft.type())) {
			this.held.hold(txn, userId, draft);
			return false;
		}
		return true;
	}

	private static boolean isUserId(String userId) {
		return userId != null && !userId.isBlank() && userId.indexOf('/') < 0;
	}

}
