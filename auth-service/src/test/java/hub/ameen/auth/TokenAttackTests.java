package hub.ameen.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import hub.ameen.auth.token.TokenResponse;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.web.ProblemTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Each attack on access and refresh tokens is answered 401. The target is an endpoint
 * that needs {@code users:admin}, and every forged token claims it; a token minted the
 * same way but honestly gets 200, so each 401 is the attack's doing.
 */
class TokenAttackTests extends AuthServiceTestSupport {

	static TestUser member;

	@BeforeEach
	void member() {
		if (member == null) {
			member = createUser("member");
		}
	}

	@Test
	void honestlyMintedAdminTokenIsAccepted() {
		getKeys("Bearer " + sign(this.keys.signingKey(), JWSAlgorithm.RS256, claims().build())).expectStatus().isOk();
	}

	@Test
	void noTokenIsRejected() {
		assertUnauthorized(getKeys(null)).expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
	}

	@Test
	void tamperedPayloadIsRejected() {
		String[] parts = login(member).accessToken().split("\\.");
		Map<String, Object> payload = new LinkedHashMap<>(parse(parts[1]));
		List<Object> perms = new ArrayList<>((List<?>) payload.get("perms"));
		perms.add(Permissions.USERS_ADMIN);
		payload.put("perms", perms);
		String forged = parts[0] + "." + encode(JSONObjectUtils.toJSONString(payload)) + "." + parts[2];

		assertUnauthorized(getKeys("Bearer " + forged));
	}

	@Test
	void unsignedTokenIsRejected() {
		assertUnauthorized(getKeys("Bearer " + new PlainJWT(claims().build()).serialize()));
	}

	@Test
	void hs256SignedWithThePublishedPublicKeyIsRejected() throws Exception {
		RSAKey published = JWKSet.parse(jwks()).getKeyByKeyId(this.keys.signingKey().getKeyID()).toRSAKey();
		byte[] secret = published.toRSAPublicKey().getEncoded();
		SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.HS256, published.getKeyID()), claims().build());
		jwt.sign(new MACSigner(secret));

		assertUnauthorized(getKeys("Bearer " + jwt.serialize()));
	}

	@Test
	void foreignKeyClaimingTheCurrentKidIsRejected() throws Exception {
		RSAKey foreign = new RSAKeyGenerator(2048).keyID(this.keys.signingKey().getKeyID()).generate();

		assertUnauthorized(getKeys("Bearer " + sign(foreign, JWSAlgorithm.RS256, claims().build())));
	}

	@Test
	void expiredTokenIsRejected() {
		Instant past = Instant.now().minus(Duration.ofHours(1));
		JWTClaimsSet expired = claims().issueTime(Date.from(past))
			.expirationTime(Date.from(past.plus(Duration.ofMinutes(10))))
			.build();

		assertUnauthorized(getKeys("Bearer " + sign(this.keys.signingKey(), JWSAlgorithm.RS256, expired)));
	}

	@Test
	void wrongIssuerIsRejected() {
		JWTClaimsSet claims = claims().issuer("someone-else").build();

		assertUnauthorized(getKeys("Bearer " + sign(this.keys.signingKey(), JWSAlgorithm.RS256, claims)));
	}

	@Test
	void wrongAudienceIsRejected() {
		JWTClaimsSet claims = claims().audience("another-app").build();

		assertUnauthorized(getKeys("Bearer " + sign(this.keys.signingKey(), JWSAlgorithm.RS256, claims)));
	}

	@Test
	void refreshTokenUsedTwiceIsRejectedAndSoIsItsSuccessor() {
		String first = login(member).refreshToken();
		TokenResponse rotated = refresh(first).expectStatus()
			.isOk()
			.expectBody(TokenResponse.class)
			.returnResult()
			.getResponseBody();

		assertUnauthorized(refresh(first));
		assertUnauthorized(refresh(rotated.refreshToken()));
	}

	@Test
	void madeUpRefreshTokenIsRejected() {
		assertUnauthorized(refresh("not-a-token-" + UUID.randomUUID()));
	}

	private WebTestClient.ResponseSpec assertUnauthorized(WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.UNAUTHORIZED.toString());
		return response;
	}

	private String jwks() {
		return this.client.get()
			.uri("/api/auth/jwks")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** Claims of an admin token as auth-service would issue it. */
	private JWTClaimsSet.Builder claims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().subject("attacker")
			.claim("email", "attacker@hub.test")
			.claim("roles", List.of("admin"))
			.claim("perms", List.of(Permissions.USERS_ADMIN))
			.issuer("ameen-hub")
			.audience("ameen-hub")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
			.jwtID(UUID.randomUUID().toString());
	}

	private static String sign(RSAKey key, JWSAlgorithm algorithm, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(header(algorithm, key.getKeyID()), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JWSHeader header(JWSAlgorithm algorithm, String kid) {
		return new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(kid).build();
	}

	private static Map<String, Object> parse(String part) {
		try {
			return JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
		}
		catch (java.text.ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
