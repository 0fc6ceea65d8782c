package hub.ameen.platform.test.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestTokensTests {

	static TestTokens tokens;

	static RSAKey served;

	@BeforeAll
	static void start() throws Exception {
		tokens = TestTokens.start();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(tokens.jwksUri())).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		JWKSet set = JWKSet.parse(response.body());
		assertThat(set.getKeys()).hasSize(1);
		served = set.getKeys().get(0).toRSAKey();
	}

	@AfterAll
	static void stop() {
		tokens.close();
	}

	@Test
	void jwksIsServedOnLoopbackWithThePublicKeyOnly() {
		assertThat(tokens.jwksUri()).startsWith("http://127.0.0.1:").endsWith("/api/auth/jwks");
		assertThat(served.isPrivate()).isFalse();
		assertThat(served.getKeyID()).isEqualTo(tokens.publicKey().getKeyID());
		assertThat(tokens.jwksRequests()).isPositive();
	}

	@Test
	void tokenIsSignedByTheServedKeyWithTheExpectedClaims() throws Exception {
		SignedJWT jwt = SignedJWT.parse(tokens.token("user-1", "crm:read", "tasks:write"));
		assertThat(jwt.verify(new RSASSAVerifier(served))).isTrue();
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(served.getKeyID());
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("user-1");
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("perms")).containsExactly("crm:read", "tasks:write");
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(TestTokens.ISSUER);
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(TestTokens.AUDIENCE);
		assertThat(jwt.getJWTClaimsSet().getStringClaim("email")).isEqualTo("user-1@hub.test");
		assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isAfter(new Date());
		assertThat(tokens.bearer("user-1")).startsWith("Bearer ey");
	}

	@Test
	void builderSetsIssuerAudienceAndExpiry() throws Exception {
		SignedJWT jwt = SignedJWT
			.parse(tokens.builder("u").issuer("evil").audience("other").expired().claim("x", "y").sign());
		assertThat(jwt.verify(new RSASSAVerifier(served))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("evil");
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("other");
		assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isBefore(Date.from(Instant.now().minusSeconds(300)));
		assertThat(jwt.getJWTClaimsSet().getStringClaim("x")).isEqualTo("y");
	}

	@Test
	void attackTokensDoNotVerify() throws Exception {
		SignedJWT tampered = SignedJWT.parse(tokens.builder("u").perms("crm:read").tampered());
		assertThat(tampered.getJWTClaimsSet().getStringListClaim("perms")).contains("users:admin");
		assertThat(tampered.verify(new RSASSAVerifier(served))).isFalse();

		SignedJWT foreign = SignedJWT.parse(tokens.builder("u").signWithForeignKey());
		assertThat(foreign.getHeader().getKeyID()).isEqualTo(served.getKeyID());
		assertThat(foreign.verify(new RSASSAVerifier(served))).isFalse();

		assertThat(JWTParser.parse(tokens.builder("u").unsigned())).isInstanceOf(PlainJWT.class);

		SignedJWT hs256 = SignedJWT.parse(tokens.builder("u").signHs256WithPublicKey());
		assertThat(hs256.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
	}

}
