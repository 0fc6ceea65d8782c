package hub.ameen.user.role;

import java.util.Set;
import java.util.TreeSet;

/**
 * A named set of permissions.
 *
 * @param name the role's unique name, e.g. {@code manager}
 * @param description what the role is for
 * @param permissions the permission strings it grants, e.g. {@code crm:write}
 * @param builtIn whether it is one of the default roles, which cannot be deleted
 */
public record Role(String name, String description, Set<String> permissions, boolean builtIn) {

	public Role {
		permissions = new TreeSet<>(permissions);
	}

}
