package hub.ameen.platform.web;

import java.net.URI;

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
public class RequestTargetLimitFilter implements WebFilter, Ordered {

	private final long maxLength;

	private final String detail;

	RequestTargetLimitFilter(DataSize maxRequestTarget) {
		this.maxLength = maxRequestTarget.toBytes();
		this.detail = "The request's path and query are longer than " + this.maxLength + " characters";
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ResponseStatusException refused = refusal(exchange.getRequest().getURI());
		return (refused != null) ? Mono.error(refused) : chain.filter(exchange);
	}

	/**
	 * The 414 for a request whose path and query are longer than the limit; also for a
	 * path served outside the filter chain.
	 * @param uri the request's URI
	 * @return the refusal, or null when the request target is within the limit
	 */
	public ResponseStatusException refusal(URI uri) {
		String query = uri.getRawQuery();
		long length = uri.getRawPath().length() + ((query != null) ? query.length() + 1 : 0);
		return (length > this.maxLength) ? new ResponseStatusException(HttpStatus.URI_TOO_LONG, this.detail) : null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 5;
	}

}
