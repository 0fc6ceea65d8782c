package hub.ameen.gateway.forwarding;

import java.net.InetSocketAddress;
import java.util.List;

import hub.ameen.platform.web.RequestIdFilter;
import hub.ameen.platform.web.TrustedProxies;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sets {@code X-Forwarded-For} on every proxied request: the address of the peer that
 * connected to the gateway, appended to the incoming header only when that peer is one of
 * {@code hub.gateway.trusted-proxies}. From anyone else an incoming
 * {@code X-Forwarded-For} (and {@code X-Real-IP}) is dropped, so a client cannot choose
 * the address the services rate-limit on. Sets {@code X-Request-Id} to the id the gateway
 * gave the request ({@link RequestIdFilter}: the caller's when sane, else a new one), so
 * that the service's log lines and answers carry the gateway's.
 */
public class ClientAddressHeadersFilter implements HttpHeadersFilter, Ordered {

	/** The header this filter writes. */
	public static final String X_FORWARDED_FOR = "X-Forwarded-For";

	private static final String X_REAL_IP = "X-Real-IP";

	private final TrustedProxies trusted;

	public ClientAddressHeadersFilter(TrustedProxies trusted) {
		this.trusted = trusted;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
		if (peer == null || peer.getAddress() == null) {
			return input;
		}
		boolean trustedPeer = this.trusted.trusts(peer.getAddress());
		HttpHeaders output = HttpHeaders.copyOf(input);
		output.remove(X_FORWARDED_FOR);
		output.remove(RequestIdFilter.HEADER);
		if (!trustedPeer) {
			output.remove(X_REAL_IP);
		}
		List<String> incoming = exchange.getRequest().getHeaders().getOrEmpty(X_FORWARDED_FOR);
		String client = peer.getAddress().getHostAddress();
		output.set(X_FORWARDED_FOR,
				(trustedPeer && !incoming.isEmpty()) ? String.join(", ", incoming) + ", " + client : client);
		String requestId = RequestIdFilter.requestId(exchange);
		if (requestId != null) {
			output.set(RequestIdFilter.HEADER, requestId);
		}
		return output;
	}

	/** After Spring Cloud Gateway's own forwarded-header filters, which strip these. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
