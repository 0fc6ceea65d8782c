package hub.ameen.platform.web;

import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.Channel;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
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

	/** What {@code resume} holds once the exchange has ended. */
	private static final Runnable ENDED = () -> {
	};

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		AtomicReference<Runnable> resume = new AtomicReference<>();
		exchange.getResponse().beforeCommit(() -> {
			MediaType type = exchange.getResponse().getHeaders().getContentType();
			Channel channel = (type != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type))
					? ServerChannels.of(exchange.getRequest()) : null;
			if (channel != null) {
				Runnable paused = ReadRearmingCustomizer.pause(channel);
				if (!resume.compareAndSet(null, paused)) {
					// committed after the exchange ended (no body written): nothing to
					// wait for
					paused.run();
				}
			}
			return Mono.empty();
		});
		return chain.filter(exchange).doFinally((signal) -> {
			Runnable paused = resume.getAndSet(ENDED);
			if (paused != null) {
				paused.run();
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
