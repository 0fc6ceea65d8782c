package hub.ameen.gateway.forwarding;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import hub.ameen.platform.web.RequestIdFilter;
import hub.ameen.platform.web.TrustedProxies;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers a proxied call goes out with, and those its answer comes back with, each
 * made in one copy.
 * <p>
 * A call goes out without the hop-by-hop headers (those of
 * {@link RemoveHopByHopHeadersFilter}, and any its {@code Connection} header names),
 * without {@code Forwarded} and {@code X-Forwarded-*}, and with {@code X-Forwarded-For}
 * set to the address of the peer that connected to the gateway, appended to the incoming
 * header only when that peer is one of {@code hub.gateway.trusted-proxies}. From anyone
 * else an incoming {@code X-Forwarded-For} (and {@code X-Real-IP}) is dropped, so a
 * client cannot choose the address the services rate-limit on. {@code X-Request-Id} is
 * the id the gateway gave the request ({@link RequestIdFilter}: the caller's when sane,
 * else a new one), so that the service's log lines and answers carry the gateway's.
 * <p>
 * An answer comes back without its hop-by-hop headers, and without the
 * {@code X-Request-Id} the service answers with: the gateway already answers with its
 * own, the same one, so the client would read it twice.
 * <p>
 * Spring Cloud Gateway's own filters for these ({@link #REPLACED}) each copied every
 * header of every call, as did the two this one was before: five copies of a call's
 * headers, and two of its answer's (decision 0007, twenty-first round). The routing
 * filter leaves them out ({@link #inPlaceOfSpringsOwn}).
 */
public final class ProxiedHeadersFilter implements HttpHeadersFilter, Ordered {

	/** The header this filter writes on a call. */
	public static final String X_FORWARDED_FOR = "X-Forwarded-For";

	/** Spring Cloud Gateway's filters whose work this one does. */
	public static final Set<Class<?>> REPLACED = Set.of(RemoveForwardedHeadersFilter.class,
			RemoveXForwardedHeadersFilter.class, RemoveHopByHopHeadersFilter.class);

	private static final String X_REAL_IP = "X-Real-IP";

	private static final String FORWARDED = "Forwarded";

	private static final String X_FORWARDED_PREFIX = "X-Forwarded-";

	private static final String[] HOP_BY_HOP = RemoveHopByHopHeadersFilter.HEADERS_REMOVED_ON_REQUEST
		.toArray(String[]::new);

	private final Type type;

	private final TrustedProxies trusted;

	private ProxiedHeadersFilter(Type type, TrustedProxies trusted) {
		this.type = type;
		this.trusted = trusted;
	}

	/** The filter of a proxied call's headers. */
	public static ProxiedHeadersFilter calls(TrustedProxies trusted) {
		return new ProxiedHeadersFilter(Type.REQUEST, trusted);
	}

	/** The filter of a proxied call's answer's headers. */
	public static ProxiedHeadersFilter answers() {
		return new ProxiedHeadersFilter(Type.RESPONSE, TrustedProxies.none());
	}

	/**
	 * The header filters a proxied call goes through: {@code filters} without those of
	 * Spring's that this filter replaces, when it is among them.
	 */
	public static List<HttpHeadersFilter> inPlaceOfSpringsOwn(List<HttpHeadersFilter> filters) {
		if (filters.stream().noneMatch(ProxiedHeadersFilter.class::isInstance)) {
			return filters;
		}
		return filters.stream().filter((filter) -> !REPLACED.contains(filter.getClass())).toList();
	}

	@Override
	public boolean supports(Type type) {
		return type == this.type;
	}

	/** After Spring Cloud Gateway's transfer-encoding normalization (order 1000). */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		return (this.type == Type.REQUEST) ? call(input, exchange) : answer(input);
	}

	private HttpHeaders call(HttpHeaders input, ServerWebExchange exchange) {
		InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
		boolean known = peer != null && peer.getAddress() != null;
		boolean trustedPeer = known && this.trusted.trusts(peer.getAddress());
		List<String> options = input.getConnection();
		HttpHeaders output = new HttpHeaders();
		List<String> forwardedFor = null;
		for (Map.Entry<String, List<String>> header : input.headerSet()) {
			String name = header.getKey();
			if (name.equalsIgnoreCase(X_FORWARDED_FOR)) {
				forwardedFor = (forwardedFor != null) ? forwardedFor : new ArrayList<>();
				forwardedFor.addAll(header.getValue());
			}
			else if (!hopByHop(name, options) && !startsWithIgnoreCase(name, X_FORWARDED_PREFIX)
					&& !name.equalsIgnoreCase(FORWARDED) && !name.equalsIgnoreCase(RequestIdFilter.HEADER)
					&& (trustedPeer || !name.equalsIgnoreCase(X_REAL_IP))) {
				output.addAll(name, header.getValue());
			}
		}
		if (known) {
			String client = peer.getAddress().getHostAddress();
			output.set(X_FORWARDED_FOR,
					(trustedPeer && forwardedFor != null) ? String.join(", ", forwardedFor) + ", " + client : client);
		}
		String requestId = RequestIdFilter.requestId(exchange);
		if (requestId != null) {
			output.set(RequestIdFilter.HEADER, requestId);
		}
		return output;
	}

	private static HttpHeaders answer(HttpHeaders input) {
		List<String> options = input.getConnection();
		HttpHeaders output = null;
		for (String name : input.headerNames()) {
			if (droppedFromAnswer(name, options)) {
				output = (output != null) ? output : HttpHeaders.copyOf(input);
				output.remove(name);
			}
		}
		return (output != null) ? output : input;
	}

	private static boolean droppedFromAnswer(String name, List<String> options) {
		return hopByHop(name, options) || name.equalsIgnoreCase(RequestIdFilter.HEADER);
	}

	private static boolean hopByHop(String name, List<String> connectionOptions) {
		for (String hop : HOP_BY_HOP) {
			if (name.equalsIgnoreCase(hop)) {
				return true;
			}
		}
		for (String option : connectionOptions) {
			if (name.equalsIgnoreCase(option.trim())) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWithIgnoreCase(String name, String prefix) {
		return name.regionMatches(true, 0, prefix, 0, prefix.length());
	}

}
