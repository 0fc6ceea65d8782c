package hub.ameen.notification.preference;

import java.util.Map;
import java.util.Set;

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

	PreferenceStore(Store store, JsonMapper json) {
		this.store = store;
		this.preferences = store.collection("notifications.preferences", Codec.utf8(),
				Codec.json(json, Preferences.class));
	}

	public Preferences get(ReadTxn txn, String userId) {
		return this.preferences.get(txn, userId).orElse(Preferences.DEFAULT);
	}

	public Preferences get(String userId) {
		return this.preferences.get(userId).orElse(Preferences.DEFAULT);
	}

	/** Keeps the muted types, durably, leaving the delivery modes as they are. */
	Mono<Preferences> mute(String userId, Set<String> muted) {
		return this.store.write((txn) -> {
			Preferences changed = get(txn, userId).withMuted(muted);
			this.preferences.put(txn, userId, changed);
			return changed;
		});
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
