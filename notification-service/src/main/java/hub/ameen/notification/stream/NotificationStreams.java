package hub.ameen.notification.stream;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import hub.ameen.notification.inbox.Notification;
import hub.ameen.notification.inbox.NotificationStore;
import hub.ameen.notification.stream.StreamMetrics.Mode;
import reactor.core.publisher.Flux;

import org.springframework.http.codec.ServerSentEvent;

/**
 * Builds one user's stream: a greeting, then what the client missed (read from the store,
 * after its {@code Last-Event-ID}), then live notifications, with heartbeats in between.
 * The connection subscribes to live notifications <em>before</em> it reads the store and
 * later skips live ones it already replayed, so nothing committed around the switch-over
 * is lost or sent twice.
 */
class NotificationStreams {

	static final String EVENT_NAME = "notification";

	private final NotificationStore store;

	private final StreamRegistry registry;

	private final StreamMetrics metrics;

	private final StreamProperties properties;

	NotificationStreams(NotificationStore store, StreamRegistry registry, StreamMetrics metrics,
			StreamProperties properties) {
		this.store = store;
		this.registry = registry;
		this.metrics = metrics;
		this.properties = properties;
	}

	/**
	 * The user's stream.
	 * @param userId whose notifications
	 * @param lastEventId the last sequence number the client has, or null for a new
	 * client (which gets only what comes from now on)
	 * @param closeTransport closes the underlying connection (used when the client is too
	 * slow)
	 * @return the events; subscribing opens the connection, cancelling closes it
	 * @throws org.springframework.web.ErrorResponseException 429 when the user already
	 * holds the most streams allowed
	 */
	Flux<ServerSentEvent<Notification>> open(String userId, Long lastEventId, Runnable closeTransport) {
		this.registry.admit(userId);
		return Flux.using(() -> this.registry.register(userId, closeTransport),
				(connection) -> Flux
					.concat(Flux.just(greeting()), Flux.merge(events(connection, lastEventId), heartbeats()))
					.takeUntilOther(connection.ended()),
				this.registry::unregister);
	}

	private Flux<ServerSentEvent<Notification>> events(StreamConnection connection, Long lastEventId) {
		return Flux.defer(() -> {
			long newest = this.store.lastSeq(connection.userId());
			// a client that claims more than there is (say, after the store was reset)
			// resumes
			// from the newest
			long from = (lastEventId != null) ? Math.min(lastEventId, newest) : newest;
			AtomicLong last = new AtomicLong(from);
			Flux<ServerSentEvent<Notification>> replayed = replay(connection.userId(), from)
				.doOnNext((n) -> last.set(n.seq()))
				.map((n) -> event(n, Mode.REPLAY));
			Flux<ServerSentEvent<Notification>> live = connection.live()
				.filter((n) -> n.seq() > last.get())
				.doOnNext((n) -> last.set(n.seq()))
				.map((n) -> event(n, Mode.LIVE));
			return Flux.concat(replayed, live);
		});
	}

	private Flux<Notification> replay(String userId, long after) {
		int batch = this.properties.replayBatch();
		return Flux.defer(() -> {
			List<Notification> page = this.store.after(userId, after, batch);
			Flux<Notification> items = Flux.fromIterable(page);
			return (page.size() < batch) ? items : items.concatWith(replay(userId, page.get(page.size() - 1).seq()));
		});
	}

	private ServerSentEvent<Notification> event(Notification notification, Mode mode) {
		this.metrics.delivered(notification, mode);
		return ServerSentEvent.builder(notification).id(Long.toString(notification.seq())).event(EVENT_NAME).build();
	}

	private ServerSentEvent<Notification> greeting() {
		return ServerSentEvent.<Notification>builder().retry(this.properties.retry()).comment("connected").build();
	}

	private Flux<ServerSentEvent<Notification>> heartbeats() {
		return Flux.interval(this.properties.heartbeat())
			.onBackpressureDrop()
			.map((tick) -> ServerSentEvent.<Notification>builder().comment("heartbeat").build());
	}

}
