package hub.ameen.platform.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a path and query longer than the limit with a 414 problem, before routing or
 * security look at it. The server's own request-line limit sits far above this one, so
 * that it is only a backstop.
 */
class RequestTargetLimitFilter implements WebFilter, Ordered {

	private final long maxLength;

	private final String detail;

	RequestTargetLimitFilter(DataSize maxRequestTarget) {
		this.maxLength = maxRequestTarget.toBytes();
		this.detail = "The request's path and query are longer than " + this.maxLength + " characters";
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getURI().getRawPath().length() + rawQueryLength(exchange) > this.maxLength) {
			return Mono.error(new ResponseStatusException(HttpStatus.URI_TOO_LONG, this.detail));
		}
		return chain.filter(exchange);
	}

	private static int rawQueryLength(ServerWebExchange exchange) {
		String query = exchange.getRequest().getURI().getRawQuery();
		return (query != null) ? query.length() + 1 : 0;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 5;
	}

}
