package hub.ameen.gateway.headers;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Spring's CORS check for calls from the configured origins, before the security filter
 * so that a preflight (which carries no token) is answered. A call from a page of the
 * hub's own host is left alone: behind the Nginx edge the gateway sees plain HTTP on
 * another port, and would otherwise take the web app's own calls for cross-origin ones.
 * With no origins configured it leaves every call alone ({@link #none()}).
 */
class CrossOriginFilter implements WebFilter, Ordered {

	/** Spring's check, or {@code null} when no origin is allowed CORS. */
	private final CorsWebFilter cors;

	CrossOriginFilter(CorsWebFilter cors) {
		this.cors = cors;
	}

	/** No CORS: calls from other origins go on without its headers, as if not there. */
	static CrossOriginFilter none() {
		return new CrossOriginFilter(null);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 5;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (this.cors == null) {
			return chain.filter(exchange);
		}
		HttpHeaders headers = exchange.getRequest().getHeaders();
		String origin = headers.getOrigin();
		if (origin == null || isOwnHost(origin, headers.getHost())) {
			return chain.filter(exchange);
		}
		return this.cors.filter(exchange, chain);
	}

	private static boolean isOwnHost(String origin, java.net.InetSocketAddress host) {
		if (host == null) {
			return false;
		}
		try {
			String originHost = URI.create(origin).getHost();
			return originHost != null && originHost.equalsIgnoreCase(host.getHostString());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
