package hub.ameen.user.role;

import java.util.Set;
import java.util.TreeSet;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * A named set of permissions.
 *
 * @param name the role's unique name, e.g. {@code manager}
 * @param description what the role is for
 * @param permissions the permission strings it grants, e.g. {@code crm:write}
 * @param builtIn whether it is one of the default roles, which cannot be deleted
 */
public record Role(String name, String description, Set<String> permissions, boolean builtIn) {

	/**
	 * On {@code hub.users.role.v1}, keyed by name, carrying the role after the change.
	 */
	public static final EventType<Role> CREATED = EventType.named("role.created").on(Topics.ROLE);

	public static final EventType<Role> UPDATED = EventType.named("role.updated").on(Topics.ROLE);

	public static final EventType<Role> DELETED = EventType.named("role.deleted").on(Topics.ROLE);

	public Role {
		permissions = new TreeSet<>(permissions);
	}

}
