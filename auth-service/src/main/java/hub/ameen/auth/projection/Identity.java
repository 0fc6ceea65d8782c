package hub.ameen.auth.projection;

import java.util.List;

/**
 * Who an access token speaks for: the claims it carries.
 *
 * @param userId the user id ({@code sub})
 * @param email the email ({@code email})
 * @param roles the role names ({@code roles})
 * @param permissions the union of the roles' permissions ({@code perms}), sorted
 */
public record Identity(String userId, String email, List<String> roles, List<String> permissions) {
}
