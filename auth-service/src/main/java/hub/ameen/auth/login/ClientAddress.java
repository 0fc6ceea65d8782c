package hub.ameen.auth.login;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import hub.ameen.platform.security.HubSecurityProperties;
import hub.ameen.platform.web.TrustedProxies;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The address a request comes from, for the rate limit: the connection's peer, or, when
 * the peer is one of {@code hub.security.trusted-proxies}, the right-most address of
 * {@code X-Forwarded-For} that no trusted proxy wrote.
 */
@Component
class ClientAddress {

	static final String FORWARDED_FOR = "X-Forwarded-For";

	private static final String UNKNOWN = "unknown";

	private final TrustedProxies proxies;

	@Autowired
	ClientAddress(HubSecurityProperties properties) {
		this(TrustedProxies.of(properties.trustedProxies()));
	}

	ClientAddress(TrustedProxies proxies) {
		this.proxies = proxies;
	}

	String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		InetAddress peer = (remote != null) ? remote.getAddress() : null;
		if (peer == null) {
			return UNKNOWN;
		}
		List<String> forwarded = request.getHeaders().getOrEmpty(FORWARDED_FOR);
		return this.proxies.clientAddress(peer, forwarded);
	}

}
