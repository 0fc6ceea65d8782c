package hub.ameen.auth;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jwt.SignedJWT;
import hub.ameen.auth.token.TokenResponse;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.security.Passwords;
import hub.ameen.platform.security.Permissions;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * user-service's events, published to the real broker, decide who may log in and what
 * their tokens carry.
 */
class ProjectionTests extends AuthServiceTestSupport {

	@Test
	void publishedUserRoleAndCredentialLetTheUserLogIn() throws Exception {
		events.role("role.created", "auditor-" + System.nanoTime(), List.of(Permissions.CRM_READ));
		TestUser user = createUser("member");

		SignedJWT jwt = SignedJWT.parse(login(user).accessToken());

		assertThat(jwt.getJWTClaimsSet().getStringListClaim("perms"))
			.containsExactlyInAnyOrderElementsOf(permissionsOf("member"));
	}

	@Test
	void disabledUserCanNeitherRefreshNorLogInAndEnablingRestoresLoginOnly() {
		TestUser user = createUser("member");
		TokenResponse before = login(user);

		events.user("user.disabled", user.id(), user.email(), "disabled", List.of("member"));
		awaitAccount(user.id(), (account) -> !account.isActive());

		refresh(before.refreshToken()).expectStatus().isUnauthorized();
		attemptLogin(user.email(), user.password()).expectStatus().isUnauthorized();

		events.user("user.enabled", user.id(), user.email(), "active", List.of("member"));
		awaitAccount(user.id(), (account) -> account.isActive());
		refresh(before.refreshToken()).expectStatus().isUnauthorized();
		login(user);
	}

	@Test
	void rolesChangedShowInTheNextToken() throws Exception {
		TestUser user = createUser("member");
		TokenResponse before = login(user);
		assertThat(perms(before)).doesNotContain(Permissions.CRM_WRITE);

		events.user("user.roles-changed", user.id(), user.email(), "active", List.of("member", "manager"));
		awaitPermissions(user, permissionsOf("member", "manager"));

		TokenResponse refreshed = refresh(before.refreshToken()).expectStatus()
			.isOk()
			.expectBody(TokenResponse.class)
			.returnResult()
			.getResponseBody();
		assertThat(perms(refreshed)).containsExactlyInAnyOrderElementsOf(permissionsOf("member", "manager"));
		assertThat(perms(login(user))).contains(Permissions.CRM_WRITE, Permissions.USERS_READ);
	}

	@Test
	void roleUpdatedChangesThePermissionsOfItsUsers() throws Exception {
		String role = "reviewers-" + System.nanoTime();
		events.role("role.created", role, List.of(Permissions.TASKS_READ));
		TestUser user = createUser("member");
		events.user("user.roles-changed", user.id(), user.email(), "active", List.of(role));
		awaitPermissions(user, Set.of(Permissions.TASKS_READ));

		events.role("role.updated", role, List.of(Permissions.TASKS_READ, Permissions.TASKS_WRITE));
		awaitPermissions(user, Set.of(Permissions.TASKS_READ, Permissions.TASKS_WRITE));
		assertThat(perms(login(user))).containsExactlyInAnyOrder(Permissions.TASKS_READ, Permissions.TASKS_WRITE);

		events.send(Topics.ROLE, "role.deleted", role, Map.of("name", role));
		awaitPermissions(user, Set.of());
		assertThat(perms(login(user))).isEmpty();
	}

	@Test
	void deletedUserCanNeitherLogInNorRefresh() {
		TestUser user = createUser("member");
		TokenResponse before = login(user);

		events.user("user.deleted", user.id(), user.email(), "active", List.of("member"));
		awaitNoAccount(user.id());

		attemptLogin(user.email(), user.password()).expectStatus().isUnauthorized();
		refresh(before.refreshToken()).expectStatus().isUnauthorized();
	}

	@Test
	void credentialSetReplacesThePasswordAndEndsEarlierLogins() {
		TestUser user = createUser("member");
		TokenResponse before = login(user);
		String newPassword = "reset-by-admin-" + System.nanoTime();

		String newHash = Passwords.encoder().encode(newPassword);

		events.credential(user.id(), newHash);
		await().atMost(PATIENCE)
			.until(() -> this.store.read((txn) -> this.accounts.passwordHash(txn, user.id()))
				.filter(newHash::equals)
				.isPresent());

		attemptLogin(user.email(), newPassword).expectStatus().isOk();
		attemptLogin(user.email(), user.password()).expectStatus().isUnauthorized();
		refresh(before.refreshToken()).expectStatus().isUnauthorized();
	}

	@Test
	void redeliveredEventIsAppliedOnce() {
		TestUser user = createUser("member");
		EventEnvelope disable = events.send(Topics.USER, "user.disabled", user.id(),
				Map.of("id", user.id(), "email", user.email(), "status", "disabled", "roles", List.of()));
		awaitAccount(user.id(), (account) -> !account.isActive());
		events.user("user.enabled", user.id(), user.email(), "active", List.of("member"));
		awaitAccount(user.id(), (account) -> account.isActive());

		events.send(Topics.USER, disable);
		// same key, same partition: processed after the redelivery
		events.user("user.roles-changed", user.id(), user.email(), "active", List.of("member", "manager"));
		awaitPermissions(user, permissionsOf("member", "manager"));

		assertThat(this.accounts.findById(user.id()))
			.hasValueSatisfying((account) -> assertThat(account.isActive()).isTrue());
	}

	private static List<String> perms(TokenResponse tokens) throws Exception {
		return SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet().getStringListClaim("perms");
	}

}
