package hub.ameen.user.role;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import hub.ameen.platform.events.ChangelogCollection;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.platform.web.ConflictException;
import hub.ameen.platform.web.NotFoundException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The roles collection, keyed by name; a custom role's creation and change commit with
 * their {@code role.*} event; rebuilt from {@link Topics#ROLE_CHANGELOG} when the store
 * is empty.
 */
@Component
public class RoleStore {

	private final Store store;

	private final Collection<String, Role> roles;

	private final Outbox outbox;

	private final ChangelogCollection<Role> changelog;

	RoleStore(Store store, JsonMapper json, Outbox outbox) {
		this.store = store;
		this.outbox = outbox;
		Codec<Role> codec = Codec.json(json, Role.class);
		this.roles = store.collection("roles", Codec.utf8(), codec);
		this.changelog = ChangelogCollection.open(Topics.ROLE_CHANGELOG, store, outbox, this.roles, codec);
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
		this.changelog.put(txn, role.name(), role);
	}

	/** Keeps a new custom role and announces it; 409 when the name is taken. */
	Mono<Role> create(Role role, String actorId) {
		return this.store.write((txn) -> {
			if (!this.changelog.insert(txn, role.name(), role)) {
				throw new ConflictException("role " + role.name() + " already exists");
			}
			this.outbox.publish(txn, Role.CREATED.about(role.name(), role).by(actorId));
			return role;
		});
	}

	/**
	 * Replaces a custom role and announces it; 404 when missing, 409 for a built-in one.
	 */
	Mono<Role> update(Role changed, String actorId) {
		String name = changed.name();
		return this.store.write((txn) -> {
			Role current = this.roles.get(txn, name).orElseThrow(() -> new NotFoundException("Role", name));
			if (current.builtIn()) {
				throw new ConflictException("built-in role " + name + " cannot be changed");
			}
			this.changelog.put(txn, name, changed);
			this.outbox.publish(txn, Role.UPDATED.about(name, changed).by(actorId));
			return changed;
		});
	}

}
