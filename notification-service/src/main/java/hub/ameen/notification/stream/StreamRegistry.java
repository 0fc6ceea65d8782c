package hub.ameen.notification.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import hub.ameen.notification.feed.FeedEntry;
import hub.ameen.notification.feed.FeedListener;
import hub.ameen.notification.inbox.Notification;
import hub.ameen.notification.inbox.NotificationListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoop;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.codec.ServerSentEvent;

/**
 * The open streams of this instance by user. New notifications are handed to a single
 * fan-out thread (so the store's writer never waits on a client, and each user's
 * notifications keep their order), which hands each stream's writes to its channel's
 * event loop, one task per loop; a new feed entry is encoded once and written to every
 * stream whose reader may see it. The same thread has a heartbeat written to every stream
 * at the configured interval. On shutdown it ends every stream.
 */
class StreamRegistry implements NotificationListener, FeedListener, SmartLifecycle, DisposableBean {

	/**
	 * Each user's open streams, an array replaced whole under the map's lock for the key:
	 * most users hold one or two streams, which a set of their own (a hash table of 16)
	 * made ~200 bytes dearer each and slower to walk for every notification.
	 */
	private final Map<String, StreamConnection[]> byUser = new ConcurrentHashMap<>();

	private final AtomicInteger connected = new AtomicInteger();

	private final Scheduler fanOut = Schedulers.newSingle("notification-fan-out", true);

	private final int bufferSize;

	private final int maxPerUser;

	private final Duration heartbeat;

	private volatile boolean running;

	private volatile Disposable heartbeats = Disposables.disposed();

	private final StreamMetrics metrics;

	private final EventEncoder encoder;

	/** The comment line written to every stream at each heartbeat. */
	private final byte[] heartbeatEvent;

	StreamRegistry(StreamProperties properties, EventEncoder encoder, StreamMetrics metrics, MeterRegistry meters) {
		this.bufferSize = properties.bufferSize();
		this.maxPerUser = properties.maxPerUser();
		this.heartbeat = properties.heartbeat();
		this.encoder = encoder;
		this.heartbeatEvent = encoder.encode(ServerSentEvent.<Object>builder().comment("heartbeat").build());
		this.metrics = metrics;
		Gauge.builder("hub.notifications.streams.connected", this.connected, AtomicInteger::get)
			.description("Open notification streams")
			.register(meters);
	}

	/**
	 * Opens a connection that receives the user's notifications from now on.
	 * @throws org.springframework.web.ErrorResponseException 429 when the user already
	 * holds the most streams allowed
	 */
	StreamConnection register(String userId, List<String> feedStreams) {
		StreamConnection connection = new StreamConnection(userId, Set.copyOf(feedStreams), this.bufferSize,
				this.encoder, this.metrics);
		this.byUser.compute(userId, (id, connections) -> {
			if (connections == null) {
				return new StreamConnection[] { connection };
			}
			if (connections.length >= this.maxPerUser) {
				throw StreamProblems.tooManyStreams(this.maxPerUser);
			}
			StreamConnection[] more = Arrays.copyOf(connections, connections.length + 1);
			more[connections.length] = connection;
			return more;
		});
		this.connected.incrementAndGet();
		return connection;
	}

	void unregister(StreamConnection connection) {
		this.byUser.computeIfPresent(connection.userId(), (id, connections) -> {
			for (int i = 0; i < connections.length; i++) {
				if (connections[i] == connection) {
					this.connected.decrementAndGet();
					if (connections.length == 1) {
						return null;
					}
					StreamConnection[] fewer = new StreamConnection[connections.length - 1];
					System.arraycopy(connections, 0, fewer, 0, i);
					System.arraycopy(connections, i + 1, fewer, i, connections.length - i - 1);
					return fewer;
				}
			}
			return connections;
		});
	}

	/** Refuses, before the response starts, a stream the user may not open. */
	void admit(String userId) {
		if (connected(userId) >= this.maxPerUser) {
			throw StreamProblems.tooManyStreams(this.maxPerUser);
		}
	}

	int connected() {
		return this.connected.get();
	}

	/** How many streams the user has open on this instance. */
	int connected(String userId) {
		StreamConnection[] connections = this.byUser.get(userId);
		return (connections != null) ? connections.length : 0;
	}

	/**
	 * Writes each new notification to every open stream of its user: the fan-out thread
	 * sorts the writes by the event loop of each stream's channel and hands each loop its
	 * writes as one task, so a broadcast to thousands is a few tasks, each writing on its
	 * own loop, rather than a task and a wake-up per stream (decision 0007, eighth
	 * round). A loop runs its tasks in the order given, so each stream's notifications
	 * stay in order; a stream not attached to its channel yet keeps them itself.
	 */
	@Override
	public void created(List<Notification> created) {
		this.fanOut.schedule(() -> {
			LoopWrites writes = new LoopWrites();
			for (Notification notification : created) {
				StreamConnection[] connections = this.byUser.get(notification.userId());
				if (connections != null) {
					for (StreamConnection connection : connections) {
						writes.add(connection, () -> deliver(connection, notification));
					}
				}
			}
			writes.run();
		});
	}

	private void deliver(StreamConnection connection, Notification notification) {
		if (!connection.offer(notification)) {
			this.metrics.dropped();
		}
	}

	/**
	 * Writes a new feed entry to every open stream whose reader may see it: encoded once,
	 * since it reads the same to all, and written on each stream's event loop.
	 */
	@Override
	public void added(FeedEntry entry, List<String> streams) {
		this.fanOut.schedule(() -> {
			byte[] event = this.encoder
				.encode(ServerSentEvent.<Object>builder(entry).event(NotificationStreams.FEED_EVENT_NAME).build());
			onEveryStream((connection) -> {
				if (connection.reads(streams) && !connection.offer(event)) {
					this.metrics.dropped();
				}
			});
		});
	}

	private void heartbeats() {
		onEveryStream((connection) -> connection.heartbeat(this.heartbeatEvent));
	}

	/** Runs the action for every open stream, on its event loop. */
	private void onEveryStream(Consumer<StreamConnection> action) {
		LoopWrites writes = new LoopWrites();
		forEachConnection((connection) -> writes.add(connection, () -> action.accept(connection)));
		writes.run();
	}

	private void forEachConnection(Consumer<StreamConnection> action) {
		for (StreamConnection[] connections : this.byUser.values()) {
			for (StreamConnection connection : connections) {
				action.accept(connection);
			}
		}
	}

	/**
	 * Writes gathered by event loop, to be handed to each loop as one task; a write for a
	 * stream without a channel yet runs at once, on the caller's thread.
	 */
	private static final class LoopWrites {

		private final Map<EventLoop, List<Runnable>> byLoop = new IdentityHashMap<>();

		void add(StreamConnection connection, Runnable write) {
			EventLoop loop = connection.eventLoop();
			if (loop == null) {
				write.run();
			}
			else {
				this.byLoop.computeIfAbsent(loop, (key) -> new ArrayList<>()).add(write);
			}
		}

		void run() {
			this.byLoop.forEach((loop, writes) -> loop.execute(() -> writes.forEach(Runnable::run)));
		}

	}

	@Override
	public void start() {
		this.running = true;
		this.heartbeats = this.fanOut.schedulePeriodically(this::heartbeats, this.heartbeat.toMillis(),
				this.heartbeat.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Ends every open stream before the web server's graceful shutdown, which would
	 * otherwise wait for streams that never finish.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.heartbeats.dispose();
		forEachConnection(StreamConnection::end);
	}

	@Override
	public void destroy() {
		this.fanOut.dispose();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// stopped before WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE
		return SmartLifecycle.DEFAULT_PHASE;
	}

}
