package hub.ameen.platform.security;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * A {@link ReactiveJwtDecoder} that verifies each distinct token's signature once: the
 * RSA check was a fifth of a request's CPU, paid again on every request of the same token
 * at the gateway and at the service. A token seen before, byte for byte, is taken from a
 * bounded cache and only its claims are checked again (expiry, issuer, audience and the
 * {@link RevokedTokens} view), so a revoked or expired token is refused exactly as
 * before. Entries leave the cache when their token expires or when the cache is full.
 * <p>
 * A changed byte anywhere in a token makes it another key, which is verified in full. A
 * signing key withdrawn from the key set stops new tokens at once, but a token verified
 * with it before stays accepted until it expires (at most the access token's lifetime),
 * as it would at any service that had already admitted it.
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder verifier;

	private final OAuth2TokenValidator<Jwt> claims;

	private final Cache<String, Jwt> verified;

	/**
	 * A cache in front of a verifying decoder.
	 * @param verifier verifies the signature and then the claims
	 * @param claims the claim checks to repeat on every use of a cached token
	 * @param maximumSize the most tokens kept
	 */
	public VerifiedTokens(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> claims, long maximumSize) {
		this.verifier = verifier;
		this.claims = claims;
		this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(untilTheTokenExpires()).build();
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = this.verified.getIfPresent(token);
		if (known == null) {
			return this.verifier.decode(token).doOnNext((jwt) -> this.verified.put(token, jwt));
		}
		OAuth2TokenValidatorResult result = this.claims.validate(known);
		if (result.hasErrors()) {
			return Mono.error(new JwtValidationException("The token is no longer valid", result.getErrors()));
		}
		return Mono.just(known);
	}

	/** How many tokens are kept now (for tests and metrics). */
	long size() {
		this.verified.cleanUp();
		return this.verified.estimatedSize();
	}

	private static Expiry<String, Jwt> untilTheTokenExpires() {
		return Expiry.creating((token, jwt) -> {
			Instant expiresAt = jwt.getExpiresAt();
			Duration left = (expiresAt != null) ? Duration.between(Instant.now(), expiresAt) : Duration.ZERO;
			return left.isNegative() ? Duration.ZERO : left;
		});
	}

}
