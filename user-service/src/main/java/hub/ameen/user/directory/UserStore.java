package hub.ameen.user.directory;

import java.util.Optional;

import hub.ameen.platform.events.ChangelogCollection;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
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
 * The users collection and its unique, case-insensitive email index, rebuilt from
 * {@link Topics#USER_CHANGELOG} when the store is empty. A user holds no secret (the
 * password hash goes to auth-service in {@code credential.set} and is not kept here), so
 * its state may sit on a compacted topic.
 */
@Component
public class UserStore {

	private final Store store;

	private final Collection<String, User> users;

	private final Index<String, String, User> byEmail;

	private final ChangelogCollection<User> changelog;

	UserStore(Store store, Outbox outbox, JsonMapper json) {
		this.store = store;
		Codec<User> codec = Codec.json(json, User.class);
		this.users = store.collection("users", Codec.utf8(), codec);
		this.byEmail = this.users.uniqueIndex("email", Codec.utf8(), User::emailKey);
		this.changelog = ChangelogCollection.open(Topics.USER_CHANGELOG, store, outbox, this.users, codec);
	}

	/** Whether any user is kept (a first run has none, a restored store has some). */
	public boolean isEmpty() {
		return this.store.read(this.users::count) == 0;
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
		this.changelog.put(txn, user.id(), user);
	}

	public boolean delete(WriteTxn txn, String id) {
		return this.changelog.delete(txn, id);
	}

	public Page<User> page(PageRequest request, String query) {
		String needle = (query != null) ? query.trim().toLowerCase(java.util.Locale.ROOT) : "";
		return this.store
			.read((txn) -> this.users.page(txn, request, (user) -> needle.isEmpty() || user.emailKey().contains(needle)
					|| user.displayName().toLowerCase(java.util.Locale.ROOT).contains(needle)));
	}

}
