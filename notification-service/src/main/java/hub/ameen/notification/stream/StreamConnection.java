package hub.ameen.notification.stream;

import java.util.concurrent.ArrayBlockingQueue;

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

	private final Sinks.One<Boolean> ended = Sinks.one();

	private final Runnable closeTransport;

	private boolean closed;

	StreamConnection(String userId, int bufferSize, Runnable closeTransport) {
		this.userId = userId;
		this.live = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(bufferSize));
		this.closeTransport = closeTransport;
	}

	String userId() {
		return this.userId;
	}

	/** The live notifications; one subscriber. */
	Flux<Notification> live() {
		return this.live.asFlux();
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
		if (this.closed) {
			return true;
		}
		Sinks.EmitResult result = this.live.tryEmitNext(notification);
		if (result == Sinks.EmitResult.FAIL_OVERFLOW || result == Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
			this.closed = true;
			this.ended.tryEmitValue(true);
			this.closeTransport.run();
			return false;
		}
		return true;
	}

}
