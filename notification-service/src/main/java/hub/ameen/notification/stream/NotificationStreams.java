package hub.ameen.notification.stream;

import java.util.List;

import hub.ameen.notification.feed.FeedAudience;
import hub.ameen.notification.inbox.Notification;
import hub.ameen.notification.inbox.NotificationStore;
import hub.ameen.platform.security.CurrentUser;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;

import org.springframework.http.codec.ServerSentEvent;

/**
 * Runs one user's stream: a greeting, then what the client missed (read from the store,
 * after its {@code Last-Event-ID}, a batch at a time, each once the one before has
 * reached the connection), then live notifications and feed entries, with heartbeats in
 * between (the {@link StreamRegistry}'s). The connection is registered for live
 * notifications <em>before</em> the store is read, and later skips live ones it already
 * replayed, so nothing committed around the switch-over is lost or sent twice.
 */
class NotificationStreams {

	static final String EVENT_NAME = "notification";

	static final String FEED_EVENT_NAME = "feed";

	private final NotificationStore store;

	private final StreamRegistry registry;

	private final StreamProperties properties;

	/** {@code retry:} and a {@code :connected} comment. */
	private final byte[] greeting;

	NotificationStreams(NotificationStore store, StreamRegistry registry, EventEncoder encoder,
			StreamProperties properties) {
		this.store = store;
		this.registry = registry;
		this.properties = properties;
		this.greeting = encoder
			.encode(ServerSentEvent.<Object>builder().retry(properties.retry()).comment("connected").build());
	}

	/**
	 * Refuses, before anything is written, a stream the user may not open.
	 * @throws org.springframework.web.ErrorResponseException 429 when the user already
	 * holds the most streams allowed
	 */
	void admit(CurrentUser reader) {
		this.registry.admit(reader.id());
	}

	/**
	 * Registers the user's stream, before its response starts: from now on it receives
	 * (and keeps until it is {@link #start started}) the user's new notifications.
	 * @param reader whose notifications, and which feed entries they may see
	 * @throws org.springframework.web.ErrorResponseException 429 when the user already
	 * holds the most streams allowed
	 */
	StreamConnection open(CurrentUser reader) {
		return this.registry.register(reader.id(), FeedAudience.readableBy(reader, null));
	}

	/**
	 * The response has started on this channel: greets the client, replays what it
	 * missed, then goes live.
	 * @param lastEventId the last sequence number the client has, or null for a new
	 * client (which gets only what comes from now on)
	 */
	void start(StreamConnection connection, Long lastEventId, Channel channel) {
		connection.attach(channel, this.greeting);
		// a client may have more than this instance yet (it came from another that is
		// ahead): it gets what comes after its id once this one has it, never what it
		// had again (docs/decisions/0008-notification-service-instances.md)
		long from = (lastEventId != null) ? lastEventId : this.store.lastSeq(connection.userId());
		replay(connection, from);
	}

	private void replay(StreamConnection connection, long after) {
		int batch = this.properties.replayBatch();
		List<Notification> page = this.store.after(connection.userId(), after, batch);
		if (page.isEmpty()) {
			connection.live(after);
			return;
		}
		long last = page.get(page.size() - 1).seq();
		ChannelFuture written = connection.replay(page);
		if (written == null) {
			return;
		}
		if (page.size() < batch) {
			connection.live(last);
			return;
		}
		written.addListener((done) -> {
			if (done.isSuccess()) {
				replay(connection, last);
			}
		});
	}

	/** Unregisters the stream: it has ended. */
	void close(StreamConnection connection) {
		connection.end();
		this.registry.unregister(connection);
	}

}
