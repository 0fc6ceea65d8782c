package hub.ameen.auth.login;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.regex.Pattern;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request comes from, for the rate limit: the connection's peer, or the
 * first hop of {@code X-Forwarded-For} when the peer is a trusted proxy on this machine
 * (loopback: the gateway and nginx).
 */
final class ClientAddress {

	static final String FORWARDED_FOR = "X-Forwarded-For";

	private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private static final String UNKNOWN = "unknown";

	private ClientAddress() {
	}

	static String of(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		InetAddress peer = (remote != null) ? remote.getAddress() : null;
		if (peer == null) {
			return UNKNOWN;
		}
		if (peer.isLoopbackAddress()) {
			String forwarded = firstHop(request.getHeaders().getFirst(FORWARDED_FOR));
			if (forwarded != null) {
				return forwarded;
			}
		}
		return peer.getHostAddress();
	}

	private static String firstHop(String header) {
		if (header == null) {
			return null;
		}
		int comma = header.indexOf(',');
		String first = ((comma >= 0) ? header.substring(0, comma) : header).trim();
		return IP_LITERAL.matcher(first).matches() ? first : null;
	}

}
