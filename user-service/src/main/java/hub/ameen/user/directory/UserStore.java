package hub.ameen.user.directory;

import java.util.Optional;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Index;
import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The users collection and its unique, case-insensitive email index.
 */
@Component
public class UserStore {

	private final Store store;

	private final Collection<String, User> users;

	private final Index<String, String, User> byEmail;

	UserStore(Store store, JsonMapper json) {
		this.store = store;
		this.users = store.collection("users", Codec.utf8(), Codec.json(json, User.class));
		this.byEmail = this.users.uniqueIndex("email", Codec.utf8(), User::emailKey);
	}

	public Optional<User> get(String id) {
		return this.users.get(id);
	}

	public Optional<User> get(ReadTxn txn, String id) {
		return this.users.get(txn, id);
	}

	public Optional<User> findByEmail(String email) {
		return this.store.read((txn) -> this.byEmail.first(txn, User.emailKey(email)));
	}

	public Optional<User> findByEmail(ReadTxn txn, String email) {
		return this.byEmail.first(txn, User.emailKey(email));
	}

	public void put(WriteTxn txn, User user) {
		this.users.put(txn, user.id(), user);
	}

	public boolean delete(WriteTxn txn, String id) {
		return this.users.delete(txn, id);
	}

	public Page<User> page(PageRequest request, String query) {
		String needle = (query != null) ? query.trim().toLowerCase(java.util.Locale.ROOT) : "";
		return this.store
			.read((txn) -> this.users.page(txn, request, (user) -> needle.isEmpty() || user.emailKey().contains(needle)
					|| user.displayName().toLowerCase(java.util.Locale.ROOT).contains(needle)));
	}

}
