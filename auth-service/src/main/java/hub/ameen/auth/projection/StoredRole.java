package hub.ameen.auth.projection;

import java.util.Set;

/**
 * A role: the permissions it grants.
 *
 * @param name the role name
 * @param permissions what it grants
 */
record StoredRole(String name, Set<String> permissions) {

	StoredRole {
		permissions = (permissions != null) ? Set.copyOf(permissions) : Set.of();
	}

}
