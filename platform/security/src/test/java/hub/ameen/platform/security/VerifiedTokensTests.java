package hub.ameen.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.RSAKey;
import hub.ameen.platform.test.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A token's signature is verified once, but everything that can change about it (expiry,
 * revocation) is checked on every use, and a token with any byte changed is verified
 * afresh.
 */
class VerifiedTokensTests {

	static TestTokens tokens;

	static NimbusReactiveJwtDecoder rsa;

	final RevokedTokens revoked = new RevokedTokens();

	final OAuth2TokenValidator<Jwt> claims = AccessTokenValidator.of(properties(), this.revoked);

	final AtomicInteger verifications = new AtomicInteger();

	@BeforeAll
	static void keys() throws Exception {
		tokens = TestTokens.start();
		RSAKey key = tokens.publicKey();
		rsa = NimbusReactiveJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
	}

	@AfterAll
	static void close() {
		tokens.close();
	}

	ReactiveJwtDecoder countingVerifier() {
		rsa.setJwtValidator(this.claims);
		return (token) -> {
			this.verifications.incrementAndGet();
			return rsa.decode(token);
		};
	}

	@Test
	void theSameTokenIsVerifiedOnceAndDecodedToTheSameClaims() {
		VerifiedTokens decoder = new VerifiedTokens(countingVerifier(), this.claims, 100);
		String token = tokens.token("u1", Permissions.CRM_READ);

		Jwt first = decoder.decode(token).block();
		Jwt second = decoder.decode(token).block();
		decoder.decode(token).block();

		assertThat(this.verifications).hasValue(1);
		assertThat(second.getSubject()).isEqualTo("u1");
		assertThat(second.getClaims()).isEqualTo(first.getClaims());
	}

	@Test
	void aTokenRevokedAfterItsFirstUseIsRefusedOnItsNextUse() {
		VerifiedTokens decoder = new VerifiedTokens(countingVerifier(), this.claims, 100);
		String token = tokens.token("u2", Permissions.CRM_READ);
		decoder.decode(token).block();

		this.revoked.block("u2", Instant.now());

		assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class);
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void aTokenThatExpiredSinceItsFirstUseIsRefused() {
		VerifiedTokens decoder = new VerifiedTokens(countingVerifier(), this.claims, 100);
		// within the 30 s of allowed clock skew at its first use, beyond it a moment
		// later
		String token = tokens.builder("u3")
			.issuedAt(Instant.now().minusSeconds(60))
			.expiresAt(Instant.now().minusSeconds(28))
			.sign();
		decoder.decode(token).block();

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThatThrownBy(() -> decoder.decode(token).block())
				.isInstanceOf(JwtValidationException.class));
	}

	@Test
	void aTokenWithAChangedSignatureIsVerifiedAgainAndRefused() {
		VerifiedTokens decoder = new VerifiedTokens(countingVerifier(), this.claims, 100);
		String token = tokens.token("u4", Permissions.CRM_READ);
		decoder.decode(token).block();
		char last = token.charAt(token.length() - 2);
		String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A')
				+ token.charAt(token.length() - 1);

		assertThatThrownBy(() -> decoder.decode(tampered).block()).isInstanceOf(BadJwtException.class);
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void theCacheHoldsAtMostItsSize() {
		VerifiedTokens decoder = new VerifiedTokens(countingVerifier(), this.claims, 3);
		for (int i = 0; i < 20; i++) {
			decoder.decode(tokens.token("many-" + i)).block();
		}

		assertThat(decoder.size()).isLessThanOrEqualTo(3);
	}

	private static HubSecurityProperties properties() {
		return new HubSecurityProperties("http://unused", TestTokens.ISSUER, TestTokens.AUDIENCE, java.util.List.of(),
				java.util.List.of("RS256"), java.util.List.of(), null, 10);
	}

}
