package hub.ameen.platform.security;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service checks access tokens.
 *
 * @param jwksUri where auth-service publishes its public keys; fetched on the first
 * token, not at start-up (default
 * {@code http://localhost:${HUB_PORT_AUTH:8081}/api/auth/jwks})
 * @param issuer the required {@code iss}
 * @param audience the required {@code aud} (one of the token's audiences)
 * @param publicPaths path patterns open without a token (health, info and prometheus are
 * always open); a bearer token sent to them is ignored
 * @param allowedAlgorithms the JWS algorithms accepted (names such as {@code RS256})
 * @param trustedProxies the proxies whose {@code X-Forwarded-For} is believed, as IP
 * addresses or CIDR ranges (see {@code hub.ameen.platform.web.TrustedProxies}); none by
 * default
 * @param revocation where the revocations of access tokens are read from
 * @param verifiedTokens how many access tokens whose signature was verified are kept, so
 * that a token's next request skips the RSA check (its claims and revocation are still
 * checked every time); 0 verifies every request
 */
@Validated
@ConfigurationProperties("hub.security")
public record HubSecurityProperties(@NotBlank String jwksUri, @NotBlank @DefaultValue("ameen-hub") String issuer,
		@NotBlank @DefaultValue("ameen-hub") String audience, @DefaultValue List<String> publicPaths,
		@NotEmpty @DefaultValue("RS256") List<String> allowedAlgorithms, @DefaultValue List<String> trustedProxies,
		@Valid @DefaultValue Revocation revocation, @PositiveOrZero @DefaultValue("10000") int verifiedTokens) {

	/**
	 * The revocation view's source.
	 *
	 * @param bootstrapServers the Kafka broker holding the user, session and credential
	 * events (default {@code spring.kafka.bootstrap-servers}); blank turns revocation
	 * off, with a warning
	 * @param catchUpTimeout how long start-up waits for the view to read the topics
	 */
	public record Revocation(String bootstrapServers, @NotNull @DefaultValue("15s") Duration catchUpTimeout) {
	}

}
