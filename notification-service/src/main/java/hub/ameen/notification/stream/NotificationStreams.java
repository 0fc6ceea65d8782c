package hub.ameen.notification.stream;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import hub.ameen.notification.feed.FeedAudience;
import hub.ameen.notification.inbox.Notification;
import hub.ameen.notification.inbox.NotificationStore;
import hub.ameen.notification.stream.StreamMetrics.Mode;
import hub.ameen.platform.security.CurrentUser;
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

	static final String FEED_EVENT_NAME = "feed";

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
	 * @param reader whose notifications, and which feed entries they may see
	 * @param lastEventId the last sequence number the client has, or null for a new
	 * client (which gets only what comes from now on)
	 * @param closeTransport closes the underlying connection (used when the client is too
	 * slow)
	 * @return the events; subscribing opens the connection, cancelling closes it
	 * @throws org.springframework.web.ErrorResponseException 429 when the user already
	 * holds the most streams allowed
	 */
	Flux<ServerSentEvent<Object>> open(CurrentUser reader, Long lastEventId, Runnable closeTransport) {
		this.registry.admit(reader.id());
		return Flux.using(
				() -> this.registry.register(reader.id(), FeedAudience.readableBy(reader, null), closeTransport),
				(connection) -> Flux
					.concat(Flux.just(greeting()),
							Flux.merge(events(connection, lastEventId), feed(connection), heartbeats()))
					.takeUntilOther(connection.ended()),
				this.registry::unregister);
	}

	private Flux<ServerSentEvent<Object>> events(StreamConnection connection, Long lastEventId) {
		return Flux.defer(() -> {
			// a client may have more than this instance yet (it came from another that
			// is ahead): it gets what comes after its id once this one has it, never
			// what it had again (docs/decisions/0008-notification-service-instances.md)
			long from = (lastEventId != null) ? lastEventId : this.store.lastSeq(connection.userId());
			AtomicLong last = new AtomicLong(from);
			Flux<ServerSentEvent<Object>> replayed = replay(connection.userId(), from)
				.doOnNext((n) -> last.set(n.seq()))
				.map((n) -> event(n, Mode.REPLAY));
			Flux<ServerSentEvent<Object>> live = connection.live()
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

	private ServerSentEvent<Object> event(Notification notification, Mode mode) {
		this.metrics.delivered(notification, mode);
		return ServerSentEvent.<Object>builder(notification)
			.id(Long.toString(notification.seq()))
			.event(EVENT_NAME)
			.build();
	}

	/**
	 * New feed entries the reader may see, as {@code event: feed} without an {@code id:},
	 * so that the client's {@code Last-Event-ID} stays the last notification's. They are
	 * not replayed on reconnect: the feed endpoint has them.
	 */
	private Flux<ServerSentEvent<Object>> feed(StreamConnection connection) {
		return connection.feed().map((entry) -> ServerSentEvent.<Object>builder(entry).event(FEED_EVENT_NAME).build());
	}

	private ServerSentEvent<Object> greeting() {
		return ServerSentEvent.<Object>builder().retry(this.properties.retry()).comment("connected").build();
	}

	private Flux<ServerSentEvent<Object>> heartbeats() {
		return Flux.interval(this.properties.heartbeat())
			.onBackpressureDrop()
			.map((tick) -> ServerSentEvent.<Object>builder().comment("heartbeat").build());
	}

}
