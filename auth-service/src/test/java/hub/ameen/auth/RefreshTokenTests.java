package hub.ameen.auth;

import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import hub.ameen.auth.token.TokenResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh tokens over HTTP: rotation on every use, logout of a whole family.
 */
class RefreshTokenTests extends AuthServiceTestSupport {

	@Test
	void refreshRotatesTheRefreshTokenAndIssuesAFreshAccessToken() throws Exception {
		TestUser user = createUser("member");
		TokenResponse first = login(user);

		TokenResponse second = rotate(first.refreshToken());
		TokenResponse third = rotate(second.refreshToken());

		assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
		assertThat(third.refreshToken()).isNotEqualTo(second.refreshToken());
		assertThat(SignedJWT.parse(third.accessToken()).getJWTClaimsSet().getSubject()).isEqualTo(user.id());
		assertThat(SignedJWT.parse(third.accessToken()).getJWTClaimsSet().getJWTID())
			.isNotEqualTo(SignedJWT.parse(first.accessToken()).getJWTClaimsSet().getJWTID());
	}

	@Test
	void logoutRevokesTheWholeFamilyButNotOtherLogins() {
		TestUser user = createUser("member");
		TokenResponse first = login(user);
		TokenResponse otherDevice = login(user);
		TokenResponse second = rotate(first.refreshToken());

		logout(first.refreshToken());

		refresh(second.refreshToken()).expectStatus().isUnauthorized();
		rotate(otherDevice.refreshToken());
	}

	@Test
	void logoutWithAnUnknownTokenIsStillNoContent() {
		logout("never-issued");
	}

	@Test
	void refreshWithoutATokenIsABadRequest() {
		this.client.post()
			.uri("/api/auth/refresh")
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("refreshToken");
	}

	private TokenResponse rotate(String refreshToken) {
		return refresh(refreshToken).expectStatus()
			.isOk()
			.expectBody(TokenResponse.class)
			.returnResult()
			.getResponseBody();
	}

	private void logout(String refreshToken) {
		this.client.post()
			.uri("/api/auth/logout")
			.bodyValue(Map.of("refreshToken", refreshToken))
			.exchange()
			.expectStatus()
			.isNoContent();
	}

}
