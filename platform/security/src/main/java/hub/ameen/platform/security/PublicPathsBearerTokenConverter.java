package hub.ameen.platform.security;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads the bearer token, except on public paths: there a stale token (say, sent to the
 * refresh endpoint) must not turn an open request into a 401.
 */
class PublicPathsBearerTokenConverter implements ServerAuthenticationConverter {

	private final ServerBearerTokenAuthenticationConverter tokens = new ServerBearerTokenAuthenticationConverter();

	private final ServerWebExchangeMatcher publicPaths;

	PublicPathsBearerTokenConverter(ServerWebExchangeMatcher publicPaths) {
		this.publicPaths = publicPaths;
	}

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		return this.publicPaths.matches(exchange)
			.flatMap((match) -> match.isMatch() ? Mono.empty() : this.tokens.convert(exchange));
	}

}
