package hub.ameen.notification.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import hub.ameen.notification.inbox.Notification;
import hub.ameen.notification.stream.StreamMetrics.Mode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpContent;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.codec.ServerSentEvent;

/**
 * One open stream, written straight to its connection's channel: no operators, queues or
 * timers of its own, so that an open stream costs little more than its connection (a
 * stream lives for hours; decision 0007, seventh round).
 * <p>
 * It is registered before the response starts, so nothing committed meanwhile is missed:
 * until it is {@link #attach attached} and has {@link #replay replayed} what the client
 * missed, live notifications and feed entries wait in a list (at most the buffer size);
 * once it is {@link #live live}, each is written as it comes, skipping those the replay
 * already sent. A client that reads too slowly (its channel stays unwritable for more
 * than the buffer size of notifications) is closed: it resumes with {@code Last-Event-ID}
 * and loses nothing.
 */
final class StreamConnection {

	private final String userId;

	private final Set<String> feedStreams;

	private final int bufferSize;

	private final EventEncoder encoder;

	private final StreamMetrics metrics;

	private final Sinks.Empty<Void> ended = Sinks.empty();

	private Channel channel;

	private DataBufferFactory buffers;

	/** What came before the stream went live, in order; null once it is live. */
	private List<Object> pending = new ArrayList<>(0);

	/** The sequence number of the last notification written. */
	private long lastSeq;

	/** Writes made while the channel was not writable, since it last was. */
	private int unwritable;

	private boolean closed;

	StreamConnection(String userId, Set<String> feedStreams, int bufferSize, EventEncoder encoder,
			StreamMetrics metrics) {
		this.userId = userId;
		this.feedStreams = Set.copyOf(feedStreams);
		this.bufferSize = bufferSize;
		this.encoder = encoder;
		this.metrics = metrics;
	}

	String userId() {
		return this.userId;
	}

	/** The event loop of the channel it writes to; null until it is attached. */
	synchronized EventLoop eventLoop() {
		return (this.channel != null) ? this.channel.eventLoop() : null;
	}

	/** Whether the reader may see entries filed under any of these feed streams. */
	boolean reads(List<String> streams) {
		for (String stream : streams) {
			if (this.feedStreams.contains(stream)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Completes when the stream is to end: ended by the service, or dropped for being too
	 * slow.
	 */
	Mono<Void> ended() {
		return this.ended.asMono();
	}

	/**
	 * The response has started on this channel: writes the greeting (what the client is
	 * told on connecting).
	 */
	synchronized void attach(Channel channel, byte[] greeting) {
		this.channel = channel;
		this.buffers = new NettyDataBufferFactory(channel.alloc());
		if (!this.closed) {
			send(Unpooled.wrappedBuffer(greeting));
		}
	}

	/**
	 * Writes notifications the client missed, read from the store.
	 * @return the last write, to go on once it has reached the connection; null if there
	 * was nothing to write or the stream has ended
	 */
	synchronized ChannelFuture replay(List<Notification> missed) {
		ChannelFuture last = null;
		for (Notification notification : missed) {
			if (this.closed) {
				return null;
			}
			last = this.channel.writeAndFlush(new DefaultHttpContent(encoded(notification, Mode.REPLAY)));
		}
		return last;
	}

	/**
	 * The replay is done: writes what waited meanwhile (notifications after the last one
	 * written, feed entries) and from now on writes each as it comes.
	 * @param replayedUpTo the sequence number the client has now
	 */
	synchronized void live(long replayedUpTo) {
		this.lastSeq = Math.max(this.lastSeq, replayedUpTo);
		List<Object> waiting = this.pending;
		this.pending = null;
		for (Object item : waiting) {
			if (this.closed) {
				return;
			}
			if (item instanceof Notification notification) {
				offer(notification);
			}
			else {
				offer((byte[]) item);
			}
		}
	}

	/**
	 * Writes a new notification of the user's, or keeps it until the stream is live.
	 * @return false if the connection was dropped now, for being too slow
	 */
	synchronized boolean offer(Notification notification) {
		if (this.closed) {
			return true;
		}
		if (this.pending != null) {
			return keep(notification);
		}
		if (notification.seq() <= this.lastSeq) {
			return true;
		}
		if (!writable()) {
			return false;
		}
		send(encoded(notification, Mode.LIVE));
		return true;
	}

	/**
	 * Writes a feed entry (an event already encoded, the same for every reader), or keeps
	 * it until the stream is live.
	 * @return false if the connection was dropped now, for being too slow
	 */
	synchronized boolean offer(byte[] feedEvent) {
		if (this.closed) {
			return true;
		}
		if (this.pending != null) {
			return keep(feedEvent);
		}
		if (!writable()) {
			return false;
		}
		send(Unpooled.wrappedBuffer(feedEvent));
		return true;
	}

	/** Writes a comment line that keeps proxies from closing an idle stream. */
	synchronized void heartbeat(byte[] heartbeat) {
		if (!this.closed && this.pending == null && this.channel.isWritable()) {
			send(Unpooled.wrappedBuffer(heartbeat));
		}
	}

	/** Ends the stream politely (the client reconnects with {@code Last-Event-ID}). */
	synchronized void end() {
		this.closed = true;
		this.pending = null;
		this.ended.tryEmitEmpty();
	}

	private boolean keep(Object item) {
		if (this.pending.size() >= this.bufferSize) {
			return tooSlow();
		}
		this.pending.add(item);
		return true;
	}

	/**
	 * Whether one more write may be queued on the channel: it may while the channel is
	 * writable, and for at most the buffer size of writes after it stopped being so.
	 */
	private boolean writable() {
		if (this.channel.isWritable()) {
			this.unwritable = 0;
			return true;
		}
		return ++this.unwritable <= this.bufferSize || tooSlow();
	}

	private boolean tooSlow() {
		end();
		if (this.channel != null) {
			this.channel.close();
		}
		return false;
	}

	private ByteBuf encoded(Notification notification, Mode mode) {
		this.metrics.delivered(notification, mode);
		this.lastSeq = notification.seq();
		ServerSentEvent<Object> event = ServerSentEvent.<Object>builder(notification)
			.id(Long.toString(notification.seq()))
			.event(NotificationStreams.EVENT_NAME)
			.build();
		return NettyDataBufferFactory.toByteBuf(this.encoder.encode(this.buffers, event));
	}

	/**
	 * Writes without a future to tell: a write that fails closes the connection, which
	 * ends the stream.
	 */
	private void send(ByteBuf bytes) {
		this.channel.writeAndFlush(new DefaultHttpContent(bytes), this.channel.voidPromise());
	}

}
