package hub.ameen.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;

/**
 * Events waiting to be published, kept in the service's store and written in the same
 * transaction as the state change they describe, so that either both happen or neither
 * does. {@link OutboxRelay} publishes them in order and removes them once Kafka has them.
 *
 * <pre>{@code
 * store.write(txn -> {
 *     users.put(txn, user.id(), user);
 *     outbox.publish(txn, User.CREATED.about(user.id(), user).by(actorId));
 *     return user;
 * });
 * }</pre>
 *
 * An {@link Aggregate} publishes its own changes this way.
 */
public final class Outbox {

	private static final String NEXT_SEQUENCE = "next";

	private final Store store;

	private final Collection<Long, Entry> entries;

	private final Collection<String, Long> sequence;

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private final Supplier<String> traceparent;

	public Outbox(Store store) {
		this(store, () -> null);
	}

	/**
	 * An outbox whose entries carry the trace they were written in.
	 * @param store the service's store
	 * @param traceparent the W3C {@code traceparent} of the current span where an event
	 * is appended (on the writer thread, in the writer's caller's context), or null for
	 * none
	 */
	public Outbox(Store store, Supplier<String> traceparent) {
		this.traceparent = traceparent;
		this.store = store;
		this.entries = store.collection("events.outbox", Codec.longKey(), Codec.json(EventsJson.MAPPER, Entry.class));
		this.sequence = store.collection("events.outbox.sequence", Codec.utf8(), Codec.longKey());
	}

	/**
	 * Publishes the announcement on its type's topic if, and once, the caller's
	 * transaction commits: the one way a producer publishes.
	 * @param txn the transaction that writes the state change
	 * @param announcement what happened, e.g. {@code Task.CREATED.about(id, task).by(me)}
	 * @return the envelope as it will travel
	 */
	public EventEnvelope publish(WriteTxn txn, Announcement<?> announcement) {
		EventEnvelope event = announcement.envelope(java.time.Instant.now());
		append(txn, announcement.type().topic(), event);
		return event;
	}

	/**
	 * Adds the event to the outbox inside the caller's transaction; it is published only
	 * if that transaction commits, after the events appended before it.
	 * @param txn the transaction that writes the state change
	 * @param topic the topic to publish to (see {@link Topics#name})
	 * @param event the event; its key becomes the record key
	 */
	public void append(WriteTxn txn, String topic, EventEnvelope event) {
		if (topic == null || topic.isBlank()) {
			throw new IllegalArgumentException("topic must not be blank");
		}
		long next = this.sequence.get(txn, NEXT_SEQUENCE).orElse(1L);
		this.sequence.put(txn, NEXT_SEQUENCE, next + 1);
		this.entries.put(txn, next, new Entry(next, topic, event, this.traceparent.get()));
		txn.afterCommit(this::appended);
	}

	/** Events not yet acknowledged by Kafka. */
	public long backlog() {
		return this.store.read(this.entries::count);
	}

	/** The oldest entries, in the order they were appended. */
	List<Entry> oldest(int max) {
		return this.store.read((txn) -> {
			List<Entry> found = new ArrayList<>(Math.min(max, 1024));
			this.entries.forEach(txn, null, (sequence, entry) -> {
				found.add(entry);
				return found.size() < max;
			});
			return found;
		});
	}

	/** Removes published entries in one write. */
	void remove(List<Entry> published) {
		this.store.writeAndWait((txn) -> {
			published.forEach((entry) -> this.entries.delete(txn, entry.sequence()));
			return null;
		});
	}

	/** Runs the listener, quickly, after each commit that appended events. */
	void onAppend(Runnable listener) {
		this.listeners.add(listener);
	}

	void removeListener(Runnable listener) {
		this.listeners.remove(listener);
	}

	private void appended() {
		this.listeners.forEach(Runnable::run);
	}

	/**
	 * One event to publish.
	 *
	 * @param sequence its place in the outbox, increasing across restarts
	 * @param topic where to publish it
	 * @param event the event
	 * @param traceparent the W3C trace context it was written in, sent as the Kafka
	 * header {@code traceparent} so that the consumer's span joins the producer's trace;
	 * null for none (and in entries written before traces were kept)
	 */
	record Entry(long sequence, String topic, EventEnvelope event, String traceparent) {
	}

}
