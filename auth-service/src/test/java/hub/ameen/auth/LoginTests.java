package hub.ameen.auth;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import hub.ameen.auth.token.TokenResponse;
import hub.ameen.platform.web.ProblemTypes;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login over HTTP: the token pair, the access token's claims and signature, and refusals
 * that all look alike.
 */
class LoginTests extends AuthServiceTestSupport {

	@Test
	void loginAnswersATokenPairWhoseAccessTokenCarriesTheUsersClaims() throws Exception {
		TestUser manager = createUser("manager");

		TokenResponse tokens = attemptLogin(manager.email().toUpperCase(), manager.password()).expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches(HttpHeaders.CACHE_CONTROL, ".*no-store.*")
			.expectBody(TokenResponse.class)
			.returnResult()
			.getResponseBody();

		assertThat(tokens.tokenType()).isEqualTo("Bearer");
		assertThat(tokens.expiresIn()).isEqualTo(600);
		assertThat(tokens.refreshToken()).hasSizeGreaterThanOrEqualTo(43).doesNotContain(".");
		SignedJWT jwt = SignedJWT.parse(tokens.accessToken());
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(this.keys.signingKey().getKeyID());
		JWKSet published = JWKSet.parse(this.client.get()
			.uri("/api/auth/jwks")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(jwt.verify(new RSASSAVerifier(published.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey())))
			.isTrue();
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getSubject()).isEqualTo(manager.id());
		assertThat(claims.getStringClaim("email")).isEqualTo(manager.email());
		assertThat(claims.getStringListClaim("roles")).containsExactly("manager");
		assertThat(claims.getStringListClaim("perms")).containsExactlyInAnyOrderElementsOf(permissionsOf("manager"));
		assertThat(claims.getIssuer()).isEqualTo("ameen-hub");
		assertThat(claims.getAudience()).containsExactly("ameen-hub");
		assertThat(claims.getJWTID()).isNotBlank();
		assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(600_000);
	}

	@Test
	void accessTokenOpensProtectedEndpointsOfThisService() {
		TestUser admin = createUser("admin");

		getKeys(bearer(admin)).expectStatus().isOk().expectBody().jsonPath("$[0].kid").isNotEmpty();
	}

	@Test
	void wrongPasswordUnknownEmailAndDisabledUserGetTheSameAnswer() {
		TestUser member = createUser("member");
		TestUser disabled = createUser("member");
		events.user("user.disabled", disabled.id(), disabled.email(), "disabled", List.of("member"));
		awaitAccount(disabled.id(), (account) -> !account.isActive());

		Map<String, Object> wrongPassword = refusal(member.email(), "not-the-password");
		Map<String, Object> unknownEmail = refusal("nobody-" + member.id() + "@hub.test", member.password());
		Map<String, Object> disabledUser = refusal(disabled.email(), disabled.password());

		assertThat(wrongPassword.get("type")).isEqualTo(ProblemTypes.UNAUTHORIZED.toString());
		assertThat(wrongPassword.get("status")).isEqualTo(401);
		for (Map<String, Object> other : List.of(unknownEmail, disabledUser)) {
			assertThat(other).containsEntry("type", wrongPassword.get("type"))
				.containsEntry("title", wrongPassword.get("title"))
				.containsEntry("detail", wrongPassword.get("detail"))
				.containsEntry("status", 401);
		}
	}

	@Test
	void malformedLoginIsABadRequestProblem() {
		this.client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\": \"\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.VALIDATION.toString());
		this.client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{not json")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void anEmailTooLongForAStoreKeyIsABadRequestNamingTheFieldNeverA500() {
		// 300 characters, 900 bytes in UTF-8: more than a store key holds
		String email = "\u4e2d".repeat(295) + "@x.io";
		for (int i = 0; i < 2; i++) {
			this.client.post()
				.uri("/api/auth/login")
				.bodyValue(Map.of("email", email, "password", "whatever it is"))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("email");
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> refusal(String email, String password) {
		return attemptLogin(email, password).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
