package hub.ameen.user.directory;

/**
 * Path segments of the user API that must not collide: {@code /api/users/{id}/roles} and
 * {@code /api/users/{id}/avatar} would match {@code /api/users/roles/roles} and
 * {@code /api/users/roles/avatar} as well as the role route
 * {@code /api/users/roles/{name}}, equally specific, which Spring refuses with a 500. A
 * user id is never {@code roles}.
 */
public final class UserPaths {

	/** The {@code {id}} of a user, any segment but {@code roles}. */
	public static final String USER_ID = "{id:(?!roles$).+}";

	private UserPaths() {
	}

}
