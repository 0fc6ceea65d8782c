package hub.ameen.auth.key;

import hub.ameen.platform.security.AccessTokenValidator;
import hub.ameen.platform.security.HubSecurityProperties;
import hub.ameen.platform.security.RevokedTokens;
import reactor.core.publisher.Flux;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * auth-service checks access tokens like every other service (RS256 only, {@code exp},
 * {@code sub}, {@code iss}, {@code aud}), but against its own keys in memory rather than
 * over HTTP; platform-security's decoder backs off.
 */
@Configuration(proxyBeanMethods = false)
class LocalJwtDecoderConfiguration {

	@Bean
	ReactiveJwtDecoder jwtDecoder(SigningKeys keys, HubSecurityProperties properties, RevokedTokens revokedTokens) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
			.withJwkSource((jwt) -> Flux.fromIterable(keys.publicKeys().getKeys()))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.validateType(false)
			.build();
		decoder.setJwtValidator(AccessTokenValidator.of(properties, revokedTokens));
		return decoder;
	}

}
