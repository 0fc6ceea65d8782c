package hub.ameen.notification.stream;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import hub.ameen.notification.feed.FeedEntry;
import hub.ameen.notification.feed.FeedListener;
import hub.ameen.notification.inbox.Notification;
import hub.ameen.notification.inbox.NotificationListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * The open streams of this instance by user. New notifications are handed to a single
 * fan-out thread (so the store's writer never waits on a client, and each user's
 * notifications keep their order), which queues each on every open stream of its user. On
 * shutdown it ends every stream.
 */
class StreamRegistry implements NotificationListener, FeedListener, SmartLifecycle, DisposableBean {

	private final Map<String, Set<StreamConnection>> byUser = new ConcurrentHashMap<>();

	private final AtomicInteger connected = new AtomicInteger();

	private final Scheduler fanOut = Schedulers.newSingle("notification-fan-out", true);

	private final int bufferSize;

	private final int maxPerUser;

	private volatile boolean running;

	private final StreamMetrics metrics;

	StreamRegistry(int bufferSize, int maxPerUser, StreamMetrics metrics, MeterRegistry meters) {
		this.bufferSize = bufferSize;
		this.maxPerUser = maxPerUser;
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
	StreamConnection register(String userId, List<String> feedStreams, Runnable closeTransport) {
		StreamConnection connection = new StreamConnection(userId, Set.copyOf(feedStreams), this.bufferSize,
				closeTransport);
		this.byUser.compute(userId, (id, connections) -> {
			Set<StreamConnection> set = (connections != null) ? connections : ConcurrentHashMap.newKeySet();
			if (set.size() >= this.maxPerUser) {
				throw StreamProblems.tooManyStreams(this.maxPerUser);
			}
			set.add(connection);
			return set;
		});
		this.connected.incrementAndGet();
		return connection;
	}

	void unregister(StreamConnection connection) {
		this.byUser.computeIfPresent(connection.userId(), (id, connections) -> {
			if (connections.remove(connection)) {
				this.connected.decrementAndGet();
			}
			return connections.isEmpty() ? null : connections;
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
		Set<StreamConnection> connections = this.byUser.get(userId);
		return (connections != null) ? connections.size() : 0;
	}

	@Override
	public void created(List<Notification> created) {
		this.fanOut.schedule(() -> created.forEach(this::deliver));
	}

	private void deliver(Notification notification) {
		Set<StreamConnection> connections = this.byUser.get(notification.userId());
		if (connections == null) {
			return;
		}
		for (StreamConnection connection : connections) {
			if (!connection.offer(notification)) {
				this.metrics.dropped();
			}
		}
	}

	/**
	 * Queues a new feed entry on every open stream whose reader may see it, on the
	 * fan-out thread.
	 */
	@Override
	public void added(FeedEntry entry, List<String> streams) {
		this.fanOut.schedule(() -> this.byUser.values()
			.forEach((connections) -> connections.stream()
				.filter((connection) -> connection.reads(streams))
				.forEach((connection) -> {
					if (!connection.offer(entry)) {
						this.metrics.dropped();
					}
				})));
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends every open stream before the web server's graceful shutdown, which would
	 * otherwise wait for streams that never finish.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.byUser.values().forEach((connections) -> connections.forEach(StreamConnection::end));
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
