package hub.ameen.auth.config;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of auth-service, under {@code hub.auth}. The tokens' issuer and audience are
 * platform-security's {@code hub.security.issuer} and {@code hub.security.audience}, so
 * that what this service signs is what every service checks.
 *
 * @param tokens lifetimes of access and refresh tokens
 * @param keys when signing keys are rotated
 * @param login brute-force protection of the login
 */
@Validated
@ConfigurationProperties("hub.auth")
public record AuthProperties(@Valid @DefaultValue Tokens tokens, @Valid @DefaultValue Keys keys,
		@Valid @DefaultValue Login login) {

	/**
	 * Token lifetimes.
	 *
	 * @param accessTokenTtl how long an access token is valid
	 * @param refreshTokenTtl the absolute lifetime of a login's refresh tokens; rotation
	 * does not extend it
	 */
	public record Tokens(@DefaultValue("10m") @NotNull Duration accessTokenTtl,
			@DefaultValue("30d") @NotNull Duration refreshTokenTtl) {
	}

	/**
	 * Signing key rotation.
	 *
	 * @param maxAge a key older than this is replaced by a new one; the old key stays
	 * published until the tokens it signed have expired
	 * @param checkInterval how often the age of the current key is checked
	 */
	public record Keys(@DefaultValue("90d") @NotNull Duration maxAge,
			@DefaultValue("1h") @NotNull Duration checkInterval) {
	}

	/**
	 * Brute-force protection.
	 *
	 * @param maxFailures consecutive failed logins of one account that lock it
	 * @param lockout how long a locked account refuses logins
	 * @param attemptsPerAddress login attempts one client address may make per window
	 * @param addressWindow the window in which those attempts refill
	 */
	public record Login(@DefaultValue("5") @Min(1) int maxFailures, @DefaultValue("15m") @NotNull Duration lockout,
			@DefaultValue("10") @Min(1) int attemptsPerAddress, @DefaultValue("1m") @NotNull Duration addressWindow) {
	}

}
