package hub.ameen.notification.inbound;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import hub.ameen.notification.inbox.Notification;
import hub.ameen.notification.inbox.NotificationDraft;
import hub.ameen.notification.inbox.NotificationListener;
import hub.ameen.notification.inbox.NotificationStore;
import hub.ameen.notification.preference.PreferenceStore;
import hub.ameen.platform.store.WriteTxn;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Addresses a draft to its recipients inside the caller's transaction, skipping those who
 * muted its type, and tells the {@link NotificationListener}s once the transaction is
 * durable.
 */
@Component
public class Notifier {

	private static final Logger logger = LoggerFactory.getLogger(Notifier.class);

	private final NotificationStore notifications;

	private final PreferenceStore preferences;

	private final ObjectProvider<NotificationListener> listeners;

	private final MeterRegistry meters;

	private final Clock clock;

	Notifier(NotificationStore notifications, PreferenceStore preferences,
			ObjectProvider<NotificationListener> listeners, MeterRegistry meters, Clock clock) {
		this.notifications = notifications;
		this.preferences = preferences;
		this.listeners = listeners;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Creates one notification per distinct recipient who has not muted the draft's type.
	 * @param txn the transaction that also records the source event as processed
	 * @param draft what to say
	 * @param userIds the recipients
	 * @return the notifications created
	 */
	public List<Notification> notify(WriteTxn txn, NotificationDraft draft, Collection<String> userIds) {
		Instant now = this.clock.instant();
		List<Notification> created = new ArrayList<>();
		for (String userId : new LinkedHashSet<>(userIds)) {
			if (!isUserId(userId)) {
				logger.warn("Skipping recipient {} of event {}: not a user id", userId, draft.sourceEventId());
			}
			else if (!this.preferences.get(txn, userId).mutes(draft.type())) {
				created.add(this.notifications.add(txn, userId, draft, now));
			}
		}
		if (!created.isEmpty()) {
			txn.afterCommit(() -> committed(draft.type(), created));
		}
		return created;
	}

	private void committed(String type, List<Notification> created) {
		Counter.builder("hub.notifications.created")
			.description("Notifications created")
			.tag("type", type)
			.register(this.meters)
			.increment(created.size());
		this.listeners.orderedStream().forEach((listener) -> listener.created(created));
	}

	private static boolean isUserId(String userId) {
		return userId != null && !userId.isBlank() && userId.indexOf('/') < 0;
	}

}
