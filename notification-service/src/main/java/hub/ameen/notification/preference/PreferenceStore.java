package hub.ameen.notification.preference;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Each user's preferences, keyed by user id; a user without a record has the defaults.
 */
@Component
public class PreferenceStore {

	private final Store store;

	private final Collection<String, Preferences> preferences;

	private final Outbox outbox;

	PreferenceStore(Store store, JsonMapper json, Outbox outbox) {
		this.store = store;
		this.outbox = outbox;
		this.preferences = store.collection("notifications.preferences", Codec.utf8(),
				Codec.json(json, Preferences.class));
	}

	public Preferences get(ReadTxn txn, String userId) {
		return this.preferences.get(txn, userId).orElse(Preferences.DEFAULT);
	}

	public Preferences get(String userId) {
		return this.preferences.get(userId).orElse(Preferences.DEFAULT);
	}

	/**
	 * Keeps the muted types, durably, leaving the delivery modes as they are, and tells
	 * the other instances.
	 */
	Mono<Preferences> mute(String userId, Set<String> muted, Instant at) {
		return this.store.write((txn) -> {
			MutedTypes change = new MutedTypes(userId, Set.copyOf(muted), at);
			keepMuted(txn, change);
			this.outbox.publish(txn, MutedTypes.CHANGED.about(userId, change).at(at));
			return get(txn, userId);
		});
	}

	/**
	 * Keeps muted types in the caller's transaction unless newer ones are kept: applying
	 * a change again, or an older one late, changes nothing.
	 */
	public void keepMuted(WriteTxn txn, MutedTypes change) {
		Preferences kept = get(txn, change.userId());
		if (!kept.mutedAfter(change.at())) {
			this.preferences.put(txn, change.userId(), kept.withMuted(change.muted(), change.at()));
		}
	}

	/**
	 * Keeps the delivery modes the user's own settings announced, in the caller's
	 * transaction; null (an event from before the choice existed) changes nothing.
	 */
	public void keepDelivery(WriteTxn txn, String userId, Map<String, String> modes) {
		if (modes != null) {
			this.preferences.put(txn, userId, get(txn, userId).withDelivery(modes));
		}
	}

	public void delete(WriteTxn txn, String userId) {
		this.preferences.delete(txn, userId);
	}

}
