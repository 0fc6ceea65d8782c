package hub.ameen.platform.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
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
 * idle, changes nothing. A connection that serves a response lasting hours (an event
 * stream) is {@link #pause paused} meanwhile. Remove once Reactor Netty has the fix.
 */
public final class ReadRearmingCustomizer implements NettyServerCustomizer {

	static final Duration PERIOD = Duration.ofMillis(250);

	private static final AttributeKey<ScheduledFuture<?>> REARM = AttributeKey.valueOf(ReadRearmingCustomizer.class,
			"rearm");

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnChannelInit((observer, channel, remoteAddress) -> {
			rearm(channel);
			channel.closeFuture().addListener((closed) -> stop(channel));
		});
	}

	/**
	 * Stops asking the connection to read while it serves a response that lasts, such as
	 * an event stream: no next request is read before that response ends, and 20,000 open
	 * streams asked four times a second were 80,000 tasks a second on the event loops
	 * (decision 0007, seventh round).
	 * @param channel the connection
	 * @return starts the asking again, once the response has ended and the connection may
	 * carry another request; does nothing once the connection is closed, nor for a
	 * connection that was not being asked (an HTTP/2 stream's channel)
	 */
	public static Runnable pause(Channel channel) {
		if (!stop(channel)) {
			return () -> {
			};
		}
		return () -> channel.eventLoop().execute(() -> {
			if (channel.isActive() && !rearming(channel)) {
				rearm(channel);
			}
		});
	}

	static boolean rearming(Channel channel) {
		return channel.attr(REARM).get() != null;
	}

	static void rearm(Channel channel) {
		channel.attr(REARM)
			.set(channel.eventLoop()
				.scheduleAtFixedRate(channel::read, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS));
	}

	/** Stops asking; whether the connection was being asked. */
	private static boolean stop(Channel channel) {
		ScheduledFuture<?> rearm = channel.attr(REARM).getAndSet(null);
		if (rearm != null) {
			rearm.cancel(false);
			return true;
		}
		return false;
	}

}
