package hub.ameen.tasks.task;

import hub.ameen.platform.store.Store;
import hub.ameen.tasks.user.KnownUser;
import hub.ameen.tasks.user.UserDirectory;

/**
 * Users put straight into the directory, as if user-service had announced them.
 */
final class TestUsers {

	private TestUsers() {
	}

	static void active(Store store, UserDirectory users, String... ids) {
		put(store, users, "active", ids);
	}

	static void disabled(Store store, UserDirectory users, String... ids) {
		put(store, users, "disabled", ids);
	}

	private static void put(Store store, UserDirectory users, String status, String... ids) {
		store.writeAndWait((txn) -> {
			for (String id : ids) {
				users.put(txn, new KnownUser(id, id + "@hub.test", status, null, null));
			}
			return null;
		});
	}

}
