package hub.ameen.auth.projection;

import java.time.Instant;
import java.util.List;

import hub.ameen.platform.store.Store;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the projection directly, for plain tests of the features that read it.
 */
public final class ProjectionFixtures {

	private final Store store;

	private final Accounts accounts;

	public ProjectionFixtures(Store store, JsonMapper mapper) {
		this.store = store;
		this.accounts = new Accounts(store, mapper);
	}

	public Accounts accounts() {
		return this.accounts;
	}

	public void role(String name, List<String> permissions) {
		this.store.writeAndWait((txn) -> {
			this.accounts.putRole(txn, name, permissions);
			return name;
		});
	}

	public void user(String id, String email, String status, List<String> roles, Instant now) {
		this.store.writeAndWait((txn) -> {
			this.accounts.putUser(txn, id, email, status, roles, now);
			return id;
		});
	}

	public void password(String id, String hash, Instant now) {
		this.store.writeAndWait((txn) -> {
			this.accounts.setPassword(txn, id, hash, now);
			return id;
		});
	}

}
