package hub.ameen.platform.web;

import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.Channel;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * {@link ReadRearmingCustomizer#pause Pauses} the re-arming of reads on a connection
 * while it carries an event stream ({@code text/event-stream}), which may last hours and
 * carries no next request before it ends; resumes it when the response ends. The gateway
 * relays every browser's notification stream this way: each open stream through it was
 * four scheduled reads a second on its event loops (decision 0007, eighth round).
 */
class EventStreamReadPauseFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Channel channel = channelOf(exchange);
		if (channel == null) {
			return chain.filter(exchange);
		}
		AtomicReference<Runnable> resume = new AtomicReference<>();
		exchange.getResponse().beforeCommit(() -> {
			MediaType type = exchange.getResponse().getHeaders().getContentType();
			if (type != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type)) {
				resume.set(ReadRearmingCustomizer.pause(channel));
			}
			return Mono.empty();
		});
		return chain.filter(exchange).doFinally((signal) -> {
			Runnable paused = resume.getAndSet(null);
			if (paused != null) {
				paused.run();
			}
		});
	}

	private static Channel channelOf(ServerWebExchange exchange) {
		Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
		return (request instanceof Connection connection) ? connection.channel() : null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
