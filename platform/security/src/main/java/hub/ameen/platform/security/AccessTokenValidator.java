package hub.ameen.platform.security;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

/**
 * The claims every access token must satisfy, wherever it is checked: a JWT type (or
 * none), {@code exp} and {@code sub} present, not expired (30 s of clock skew), this
 * hub's issuer and audience, and not revoked since (see {@link RevokedTokens}).
 */
public final class AccessTokenValidator {

	private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	private AccessTokenValidator() {
	}

	/**
	 * The checks of every access token, the revocation view's last.
	 * @param properties the issuer and audience
	 * @param revoked the tokens revoked since they were issued
	 * @return the validator
	 */
	public static OAuth2TokenValidator<Jwt> of(HubSecurityProperties properties, RevokedTokens revoked) {
		JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt", "application/at+jwt");
		type.setAllowEmpty(true);
		return new DelegatingOAuth2TokenValidator<>(List.of(type, required(JwtClaimNames.EXP),
				required(JwtClaimNames.SUB), new JwtTimestampValidator(CLOCK_SKEW),
				new JwtIssuerValidator(properties.issuer()), new JwtAudienceValidator(properties.audience()), revoked));
	}

	private static OAuth2TokenValidator<Jwt> required(String claim) {
		return new JwtClaimValidator<Object>(claim, Objects::nonNull);
	}

}
