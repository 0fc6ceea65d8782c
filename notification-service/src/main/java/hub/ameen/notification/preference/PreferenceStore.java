package hub.ameen.notification.preference;

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

	/** Keeps the user's preferences, durably. */
	Mono<Preferences> put(String userId, Preferences preferences) {
		return this.store.write((txn) -> {
			this.preferences.put(txn, userId, preferences);
			return preferences;
		});
	}

	public void delete(WriteTxn txn, String userId) {
		this.preferences.delete(txn, userId);
	}

}
