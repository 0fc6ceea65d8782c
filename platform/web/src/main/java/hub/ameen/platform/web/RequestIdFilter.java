package hub.ameen.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane, otherwise
 * a new one. The id goes on the response, in the exchange attributes and in the Reactor
 * context. The request itself is left as it came: copying every request's headers to add
 * one cost each request a header map, kept for as long as a stream stayed open; the
 * gateway puts the id on the request it proxies ({@link #requestId}).
 */
public class RequestIdFilter implements WebFilter, Ordered {

	/** The header that carries the request id both ways. */
	public static final String HEADER = "X-Request-Id";

	/** Exchange attribute and Reactor context key that hold the request id. */
	public static final String KEY = "hub.requestId";

	/**
	 * Exchange attribute holding the path as the client sent it, before any internal
	 * forward (used as the problems' {@code instance}).
	 */
	public static final String PATH_KEY = "hub.requestPath";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	/**
	 * The id of the current request.
	 * @param exchange the current exchange
	 * @return the request id, or {@code null} when the filter did not run
	 */
	public static String requestId(ServerWebExchange exchange) {
		return exchange.getAttribute(KEY);
	}

	/**
	 * The id a request goes by: the one it came with when that is sane (letters, digits,
	 * {@code . _ -}, at most 64), else a new one.
	 * @param given the request's {@value #HEADER} header, may be null
	 * @return the request id
	 */
	public static String idFor(String given) {
		return (given != null && SANE.matcher(given).matches()) ? given : UUID.randomUUID().toString();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = idFor(exchange.getRequest().getHeaders().getFirst(HEADER));
		exchange.getAttributes().put(KEY, id);
		exchange.getAttributes().put(PATH_KEY, exchange.getRequest().getURI().getRawPath());
		exchange.getResponse().getHeaders().set(HEADER, id);
		return chain.filter(exchange).contextWrite(Context.of(KEY, id));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
