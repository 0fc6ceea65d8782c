package hub.ameen.platform.security;

import java.util.ArrayList;
import java.util.List;

import hub.ameen.platform.web.PlatformWebAutoConfiguration;
import hub.ameen.platform.web.ProblemResponses;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.context.annotation.Role;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.ExceptionTranslationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Makes a reactive web application an OAuth2 resource server of auth-service's tokens:
 * everything but the health, info and prometheus endpoints and
 * {@code hub.security.public-paths} needs a valid JWT, whose {@code perms} are its
 * authorities, checked with {@code @PreAuthorize(Permissions.HAS_CRM_READ)}; a token
 * revoked since it was issued (user disabled or deleted, password changed, logged out) is
 * refused as soon as the event reaches the {@link RevokedTokens} view.
 */
@AutoConfiguration(after = PlatformWebAutoConfiguration.class,
		before = { ReactiveOAuth2ResourceServerAutoConfiguration.class, ReactiveWebSecurityAutoConfiguration.class,
				ReactiveManagementWebSecurityAutoConfiguration.class,
				ReactiveUserDetailsServiceAutoConfiguration.class })
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass({ ServerHttpSecurity.class, NimbusReactiveJwtDecoder.class })
@EnableConfigurationProperties(HubSecurityProperties.class)
@PropertySource("classpath:hub/ameen/platform/security/security-defaults.properties")
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
public class PlatformSecurityAutoConfiguration {

	/** Always open: what probes and Prometheus scrape. */
	static final List<String> ACTUATOR_PATHS = List.of("/actuator/health", "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus");

	@Bean
	@ConditionalOnMissingBean
	RevokedTokens revokedTokens() {
		return new RevokedTokens();
	}

	@Bean
	RevocationFeed revocationFeed(RevokedTokens revokedTokens, HubSecurityProperties properties) {
		return new RevocationFeed(revokedTokens, properties.revocation().bootstrapServers(),
				properties.revocation().catchUpTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveJwtDecoder jwtDecoder(HubSecurityProperties properties, RevokedTokens revokedTokens) {
		JwksCache keys = new JwksCache(WebClient.create(), properties.jwksUri());
		NimbusReactiveJwtDecoder.JwkSourceReactiveJwtDecoderBuilder builder = NimbusReactiveJwtDecoder
			.withJwkSource(keys::keysFor)
			.validateType(false);
		properties.allowedAlgorithms().forEach((name) -> builder.jwsAlgorithm(algorithm(name)));
		NimbusReactiveJwtDecoder decoder = builder.build();
		OAuth2TokenValidator<Jwt> claims = AccessTokenValidator.of(properties, revokedTokens);
		decoder.setJwtValidator(claims);
		// an unreachable key set surfaces as IllegalStateException; as a JwtException it
		// becomes an AuthenticationServiceException, answered 503 instead of 500
		ReactiveJwtDecoder verifying = (token) -> decoder.decode(token)
			.onErrorMap(IllegalStateException.class, (ex) -> new JwtException("The token keys cannot be fetched", ex));
		return (properties.verifiedTokens() > 0) ? new VerifiedTokens(verifying, claims, properties.verifiedTokens())
				: verifying;
	}

	/**
	 * No Spring Security observations: of its filter chain, every authentication and
	 * every authorization (six per request, read by no dashboard), and no decorator
	 * around its filters, which turning the observations off by property
	 * ({@code management.observations.enable.spring.security=false}) leaves in place. The
	 * request's own {@code http.server.requests} observation keeps its metrics and trace.
	 * @return the settings
	 */
	@Bean
	@ConditionalOnMissingBean
	static SecurityObservationSettings hubSecurityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * The {@code @PreAuthorize} guards' expressions ({@code hasAuthority('crm:read')})
	 * are compiled to bytecode once they have run a hundred times: interpreted, one took
	 * 2 % of the CPU a contact by id took, most of it calling {@code hasAuthority} by
	 * reflection (decision 0007, twentieth round). An expression that cannot be compiled
	 * stays interpreted (Spring's mixed mode). Otherwise Spring Security's own handler,
	 * which Spring Security declares as a fallback: this one is used in its place.
	 * @return the expression handler
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static DefaultMethodSecurityExpressionHandler hubMethodSecurityExpressionHandler() {
		DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
		handler.setExpressionParser(new SpelExpressionParser(new SpelParserConfiguration(SpelCompilerMode.MIXED,
				PlatformSecurityAutoConfiguration.class.getClassLoader())));
		return handler;
	}

	/**
	 * The strict firewall, checking headers and parameters without regular expressions,
	 * with one checked view of a request for the whole request.
	 * @return the firewall
	 */
	@Bean
	@ConditionalOnMissingBean(ServerWebExchangeFirewall.class)
	ServerWebExchangeFirewall hubServerWebExchangeFirewall() {
		return new OneViewFirewall(FirewallText.firewall());
	}

	@Bean
	@ConditionalOnMissingBean(ServerExchangeRejectedHandler.class)
	ServerExchangeRejectedHandler hubServerExchangeRejectedHandler(ProblemResponses responses) {
		return new RejectedExchangeProblems(responses);
	}

	@Bean
	@ConditionalOnMissingBean(SecurityWebFilterChain.class)
	SecurityWebFilterChain hubSecurityWebFilterChain(ServerHttpSecurity http, HubSecurityProperties properties,
			ReactiveJwtDecoder decoder, ProblemResponses responses) {
		List<String> open = new ArrayList<>(ACTUATOR_PATHS);
		open.addAll(ApiDocsAutoConfiguration.PATHS);
		open.addAll(properties.publicPaths());
		PublicPaths publicPaths = new PublicPaths(open);
		ProblemSecurityHandlers problems = new ProblemSecurityHandlers(responses);
		// a denial (below) answered 401 without a caller, 403 with one
		ExceptionTranslationWebFilter denials = new ExceptionTranslationWebFilter();
		denials.setAuthenticationEntryPoint(problems);
		denials.setAccessDeniedHandler(problems);
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.oauth2ResourceServer(
					(server) -> server.bearerTokenConverter(new PublicPathsBearerTokenConverter(publicPaths))
						.jwt((jwt) -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(permissionsConverter()))
						.authenticationEntryPoint(problems)
						.accessDeniedHandler(problems)
						.authenticationFailureHandler(problems))
			// the public paths permitted, any other exchange authenticated: what
			// authorizeExchange(...) would make, without Reactor's thread-local restores
			.addFilterAt(denials, SecurityWebFiltersOrder.EXCEPTION_TRANSLATION)
			.addFilterAt(new AuthenticatedUnlessPublic(publicPaths), SecurityWebFiltersOrder.AUTHORIZATION)
			// Spring Security's default headers, written without copying each group's
			// names
			.headers(ServerHttpSecurity.HeaderSpec::disable)
			.addFilterAt(new HttpHeaderWriterWebFilter(new DefaultSecurityHeaders()),
					SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
			.build();
	}

	private static ReactiveJwtAuthenticationConverterAdapter permissionsConverter() {
		JwtGrantedAuthoritiesConverter perms = new JwtGrantedAuthoritiesConverter();
		perms.setAuthoritiesClaimName("perms");
		perms.setAuthorityPrefix("");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(perms);
		return new ReactiveJwtAuthenticationConverterAdapter(converter);
	}

	private static SignatureAlgorithm algorithm(String name) {
		SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
		if (algorithm == null) {
			throw new IllegalStateException("hub.security.allowed-algorithms: unsupported algorithm " + name);
		}
		return algorithm;
	}

}
