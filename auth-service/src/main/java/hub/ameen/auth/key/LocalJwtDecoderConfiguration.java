package hub.ameen.auth.key;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import hub.ameen.platform.security.HubSecurityProperties;
import reactor.core.publisher.Flux;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * auth-service checks access tokens like every other service (RS256 only, {@code exp},
 * {@code sub}, {@code iss}, {@code aud}), but against its own keys in memory rather than
 * over HTTP; platform-security's decoder backs off.
 */
@Configuration(proxyBeanMethods = false)
class LocalJwtDecoderConfiguration {

	private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	@Bean
	ReactiveJwtDecoder jwtDecoder(SigningKeys keys, HubSecurityProperties properties) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSource((jwt) -> Flux.fromIterable(keys.publicKeys().getKeys()))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.validateType(false)
			.build();
		decoder.setJwtValidator(validator(properties));
		return decoder;
	}

	private static OAuth2TokenValidator<Jwt> validator(HubSecurityProperties properties) {
		JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt", "application/at+jwt");
		type.setAllowEmpty(true);
		return new DelegatingOAuth2TokenValidator<>(List.of(type, required(JwtClaimNames.EXP),
				required(JwtClaimNames.SUB), new JwtTimestampValidator(CLOCK_SKEW),
				new JwtIssuerValidator(properties.issuer()), new JwtAudienceValidator(properties.audience())));
	}

	private static OAuth2TokenValidator<Jwt> required(String claim) {
		return new JwtClaimValidator<Object>(claim, Objects::nonNull);
	}

}
