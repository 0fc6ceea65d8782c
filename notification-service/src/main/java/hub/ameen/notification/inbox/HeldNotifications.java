package hub.ameen.notification.inbox;

import java.util.ArrayList;
import java.util.List;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Keys;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Notifications a user chose to get by digest, held (as drafts) until their next daily
 * digest takes them; keyed {@code userId/<eventAt millis>-<source event id>}, so they
 * come out in the order they happened.
 */
@Component
public class HeldNotifications {

	private final Collection<String, NotificationDraft> held;

	HeldNotifications(Store store, JsonMapper json) {
		this.held = store.collection("notifications.held", Codec.utf8(), Codec.json(json, NotificationDraft.class));
	}

	/** Holds the draft for the user's digest, in the caller's transaction. */
	public void hold(WriteTxn txn, String userId, NotificationDraft draft) {
		long at = (draft.eventAt() != null) ? draft.eventAt().toEpochMilli() : 0L;
		this.held.put(txn, userId + "/" + Keys.zeroPadded(at, 13) + "-" + draft.sourceEventId(), draft);
	}

	/** Removes and returns what is held for the user, oldest first. */
	public List<NotificationDraft> takeAll(WriteTxn txn, String userId) {
		List<String> keys = new ArrayList<>();
		List<NotificationDraft> drafts = new ArrayList<>();
		this.held.forEachWithPrefix(txn, userId + "/", null, (key, draft) -> {
			keys.add(key);
			drafts.add(draft);
			return true;
		});
		keys.forEach((key) -> this.held.delete(txn, key));
		return drafts;
	}

	/** Forgets what is held for a deleted user. */
	public void deleteAll(WriteTxn txn, String userId) {
		takeAll(txn, userId);
	}

}
