package hub.ameen.platform.security;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The chain's authorization rule: a public path goes on, and any other request goes on
 * only with an authenticated caller; otherwise it is denied with Spring Security's
 * {@link AuthorizationDeniedException}, which the chain's exception translation answers
 * 401 (no caller) or 403.
 * <p>
 * It decides what Spring Security's {@code AuthorizationWebFilter} decides for
 * {@code authorizeExchange(e -> e.matchers(publicPaths).permitAll().anyExchange().authenticated())}
 * (an anonymous or unauthenticated {@link Authentication} is no caller), without that
 * filter's {@code mapNotNull}: it reads the caller with
 * {@link CurrentUser#authentication()}. Reactor runs {@code mapNotNull} as a
 * {@code handle} operator, and around every {@code handle} and {@code tap} it sets each
 * thread-local that context-propagation knows of from the request's context (the
 * observation's scope with the trace ids in the logging MDC, the security context), then
 * clears them again: some 3 % of crm-service's CPU samples on a contact by id, to read
 * one getter (decision 0007, twenty-fifth round). Nothing here runs code that would read
 * a thread-local.
 */
final class AuthenticatedUnlessPublic implements WebFilter {

	private static final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final PublicPaths publicPaths;

	AuthenticatedUnlessPublic(PublicPaths publicPaths) {
		this.publicPaths = publicPaths;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (this.publicPaths.isPublic(exchange)) {
			return chain.filter(exchange);
		}
		return CurrentUser.authentication()
			.filter(AuthenticatedUnlessPublic::isCaller)
			.hasElement()
			.flatMap((caller) -> caller ? chain.filter(exchange) : Mono.error(AuthenticatedUnlessPublic::denied));
	}

	private static boolean isCaller(Authentication authentication) {
		return !trust.isAnonymous(authentication) && authentication.isAuthenticated();
	}

	private static AuthorizationDeniedException denied() {
		return new AuthorizationDeniedException("Access Denied", new AuthorizationDecision(false));
	}

}
