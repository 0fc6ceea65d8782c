package hub.ameen.user.role;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The roles collection, keyed by name.
 */
@Component
public class RoleStore {

	private final Store store;

	private final Collection<String, Role> roles;

	RoleStore(Store store, JsonMapper json) {
		this.store = store;
		this.roles = store.collection("roles", Codec.utf8(), Codec.json(json, Role.class));
	}

	public Optional<Role> get(ReadTxn txn, String name) {
		return this.roles.get(txn, name);
	}

	public boolean exists(ReadTxn txn, String name) {
		return this.roles.contains(txn, name);
	}

	public List<Role> all() {
		return this.store.read((txn) -> {
			List<Role> all = new ArrayList<>();
			this.roles.forEach(txn, null, (name, role) -> all.add(role));
			return all;
		});
	}

	public void put(WriteTxn txn, Role role) {
		this.roles.put(txn, role.name(), role);
	}

	public boolean insert(WriteTxn txn, Role role) {
		return this.roles.insert(txn, role.name(), role);
	}

}
