package hub.ameen.notification.stream;

import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;

import hub.ameen.notification.feed.FeedEntry;
import hub.ameen.notification.inbox.Notification;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One open stream: a bounded queue of live notifications for it, and a way to close it
 * when that queue overflows because the client reads too slowly, or to end it when the
 * service stops.
 */
final class StreamConnection {

	private final String userId;

	private final Sinks.Many<Notification> live;

	private final Set<String> feedStreams;

	private final Sinks.Many<FeedEntry> feed;

	private final Sinks.One<Boolean> ended = Sinks.one();

	private final Runnable closeTransport;

	private boolean closed;

	StreamConnection(String userId, Set<String> feedStreams, int bufferSize, Runnable closeTransport) {
		this.userId = userId;
		this.feedStreams = Set.copyOf(feedStreams);
		// linked, bounded queues: an idle stream holds no slots (two arrays of 256 were
		// 2 KB of every open stream's heap)
		this.live = Sinks.many().unicast().onBackpressureBuffer(new LinkedBlockingQueue<>(bufferSize));
		this.feed = Sinks.many().unicast().onBackpressureBuffer(new LinkedBlockingQueue<>(bufferSize));
		this.closeTransport = closeTransport;
	}

	String userId() {
		return this.userId;
	}

	/** The live notifications; one subscriber. */
	Flux<Notification> live() {
		return this.live.asFlux();
	}

	/** The live feed entries the reader may see; one subscriber. */
	Flux<FeedEntry> feed() {
		return this.feed.asFlux();
	}

	/** Whether the reader may see entries filed under any of these feed streams. */
	boolean reads(List<String> streams) {
		return streams.stream().anyMatch(this.feedStreams::contains);
	}

	/** Emits when the stream is to end: dropped for being too slow, or shutting down. */
	Mono<Boolean> ended() {
		return this.ended.asMono();
	}

	/** Ends the stream politely (the client reconnects with {@code Last-Event-ID}). */
	synchronized void end() {
		this.closed = true;
		this.ended.tryEmitValue(false);
	}

	/**
	 * Queues a notification without waiting; if the queue is full, closes the connection
	 * instead.
	 * @return false if the connection was dropped now
	 */
	synchronized boolean offer(Notification notification) {
		return this.closed || queued(this.live.tryEmitNext(notification));
	}

	/** Queues a feed entry as {@link #offer(Notification)} queues a notification. */
	synchronized boolean offer(FeedEntry entry) {
		return this.closed || queued(this.feed.tryEmitNext(entry));
	}

	private boolean queued(Sinks.EmitResult result) {
		if (result == Sinks.EmitResult.FAIL_OVERFLOW || result == Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
			this.closed = true;
			this.ended.tryEmitValue(true);
			this.closeTransport.run();
			return false;
		}
		return true;
	}

}
