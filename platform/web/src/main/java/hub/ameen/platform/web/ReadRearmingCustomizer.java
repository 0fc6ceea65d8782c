package hub.ameen.platform.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.util.concurrent.ScheduledFuture;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;

/**
 * Keeps every kept-alive connection read. Reactor Netty up to at least 1.3.8 stops
 * reading an HTTP/1.1 connection when a request that arrived while the previous one was
 * still finishing is then answered at once (reactor/reactor-netty#4361, fixed in a later
 * release): every later request on that connection waits for ever. The gateway's pool
 * sends just such requests — the next one as soon as the last response is in — so a fast
 * 4xx after a store write could hang a pooled connection. Each open connection is asked
 * to read again every {@link #PERIOD}; asking a connection that is already reading, or
 * idle, changes nothing. Remove once Reactor Netty has the fix.
 */
final class ReadRearmingCustomizer implements NettyServerCustomizer {

	static final Duration PERIOD = Duration.ofMillis(250);

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnChannelInit((observer, channel, remoteAddress) -> {
			ScheduledFuture<?> rearm = channel.eventLoop()
				.scheduleAtFixedRate(channel::read, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
			channel.closeFuture().addListener((closed) -> rearm.cancel(false));
		});
	}

}
