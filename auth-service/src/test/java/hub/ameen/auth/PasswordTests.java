package hub.ameen.auth;

import java.util.Map;

import hub.ameen.auth.token.TokenResponse;
import hub.ameen.platform.web.ProblemTypes;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Changing one's own password and an administrator's reset, over HTTP.
 */
class PasswordTests extends AuthServiceTestSupport {

	@Test
	void changingOnesPasswordEndsEveryLoginAndTheNewPasswordWorks() {
		TestUser user = createUser("member");
		TokenResponse session = login(user);
		TokenResponse otherDevice = login(user);
		String newPassword = "a-much-better-password-" + System.nanoTime();

		change(session.accessToken(), user.password(), newPassword).expectStatus().isNoContent();

		refresh(session.refreshToken()).expectStatus().isUnauthorized();
		refresh(otherDevice.refreshToken()).expectStatus().isUnauthorized();
		attemptLogin(user.email(), user.password()).expectStatus().isUnauthorized();
		attemptLogin(user.email(), newPassword).expectStatus().isOk();
	}

	@Test
	void wrongCurrentPasswordIsAFieldError() {
		TestUser user = createUser("member");

		change(login(user).accessToken(), "not-my-password", "a-much-better-password").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.VALIDATION.toString())
			.jsonPath("$.errors[0].field")
			.isEqualTo("currentPassword");
		attemptLogin(user.email(), user.password()).expectStatus().isOk();
	}

	@Test
	void newPasswordMustFollowThePolicy() {
		TestUser user = createUser("member");
		String token = login(user).accessToken();

		change(token, user.password(), "too-short").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("newPassword")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be between 12 and 128 characters long");
		change(token, user.password(), user.email().toUpperCase()).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("must not be the email address");
		change(token, user.password(), "x".repeat(129)).expectStatus().isBadRequest();
		attemptLogin(user.email(), user.password()).expectStatus().isOk();
	}

	@Test
	void adminResetSetsTheNewPasswordAndEndsTheUsersLogins() {
		TestUser admin = createUser("admin");
		TestUser user = createUser("member");
		TokenResponse session = login(user);
		String newPassword = "set-by-the-admin-" + System.nanoTime();

		reset(bearer(admin), user.id(), newPassword).expectStatus().isNoContent();

		refresh(session.refreshToken()).expectStatus().isUnauthorized();
		attemptLogin(user.email(), user.password()).expectStatus().isUnauthorized();
		attemptLogin(user.email(), newPassword).expectStatus().isOk();
	}

	@Test
	void adminResetLiftsALockout() {
		TestUser admin = createUser("admin");
		TestUser user = createUser("member");
		for (int i = 0; i < 5; i++) {
			attemptLogin(user.email(), "wrong-password-" + i).expectStatus().isUnauthorized();
		}
		attemptLogin(user.email(), user.password()).expectStatus().isEqualTo(429);
		String newPassword = "set-by-the-admin-" + System.nanoTime();

		reset(bearer(admin), user.id(), newPassword).expectStatus().isNoContent();

		attemptLogin(user.email(), newPassword).expectStatus().isOk();
	}

	@Test
	void adminResetOfAnUnknownUserIsNotFound() {
		TestUser admin = createUser("admin");

		reset(bearer(admin), "no-such-user", "a-perfectly-fine-password").expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.NOT_FOUND.toString());
	}

	private WebTestClient.ResponseSpec change(String accessToken, String currentPassword, String newPassword) {
		return this.client.post()
			.uri("/api/auth/password")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
			.bodyValue(Map.of("currentPassword", currentPassword, "newPassword", newPassword))
			.exchange();
	}

	private WebTestClient.ResponseSpec reset(String authorization, String userId, String newPassword) {
		return this.client.post()
			.uri("/api/auth/users/{id}/password", userId)
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.bodyValue(Map.of("newPassword", newPassword))
			.exchange();
	}

}
