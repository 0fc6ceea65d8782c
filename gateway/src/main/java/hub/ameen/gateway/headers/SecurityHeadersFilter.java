package hub.ameen.gateway.headers;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Sets the configured security headers (the Content-Security-Policy the web app works
 * under, Referrer-Policy, Permissions-Policy, …) on every response, errors and refusals
 * included, leaving a header alone when the response has it already.
 */
class SecurityHeadersFilter implements WebFilter, Ordered {

	private final Map<String, String> headers;

	SecurityHeadersFilter(Map<String, String> headers) {
		this.headers = Map.copyOf(headers);
	}

	/**
	 * Outside everything else, so that refusals by later filters carry the headers too.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			HttpHeaders written = response.getHeaders();
			this.headers.forEach((name, value) -> {
				if (!written.containsHeader(name)) {
					written.set(name, value);
				}
			});
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
