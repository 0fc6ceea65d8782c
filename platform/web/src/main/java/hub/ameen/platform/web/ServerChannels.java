package hub.ameen.platform.web;

import io.netty.channel.Channel;
import reactor.netty.Connection;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;

/**
 * The Netty channel a request came in on, through any decorators: what its connection's
 * state, or the event loop it is served on, is read from.
 */
public final class ServerChannels {

	private ServerChannels() {
	}

	/** The request's channel; null for a request that has none (a mock's). */
	public static Channel of(ServerHttpRequest request) {
		try {
			Object served = ServerHttpRequestDecorator.getNativeRequest(request);
			return (served instanceof Connection connection) ? connection.channel() : null;
		}
		catch (IllegalArgumentException | IllegalStateException ex) { // no server's
																		// request under
																		// it
			return null;
		}
	}

}
