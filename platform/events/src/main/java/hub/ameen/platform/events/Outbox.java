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

	private final ChangelogReader changelogs;

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
		this(store, traceparent, null);
	}

	/**
	 * An outbox whose entries carry the trace they were written in, and whose aggregates'
	 * changelogs can be read back to restore an empty store.
	 * @param store the service's store
	 * @param traceparent the W3C {@code traceparent} of the current span, or null for
	 * none
	 * @param changelogs reads changelog topics back, or null when there is no broker to
	 * read from (an aggregate's changelog is then written but never restored)
	 */
	public Outbox(Store store, Supplier<String> traceparent, ChangelogReader changelogs) {
		this.traceparent = traceparent;
		this.changelogs = changelogs;
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
		return publish(txn, announcement, null);
	}

	/**
	 * Publishes the announcement and, in the same entry, the aggregate's latest state on
	 * its changelog topic: both are sent, or neither, once the transaction commits.
	 */
	EventEnvelope publish(WriteTxn txn, Announcement<?> announcement, ChangelogRecord state) {
		EventEnvelope event = announcement.envelope(java.time.Instant.now());
		append(txn, new Entry(0, announcement.type().topic(), event, this.traceparent.get(), state));
		return event;
	}

	/**
	 * Publishes an aggregate's state on its changelog topic without an event: what
	 * seeding the changelog of records kept before it existed does.
	 */
	void publishState(WriteTxn txn, ChangelogRecord state) {
		append(txn, new Entry(0, null, null, null, state));
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
		append(txn, new Entry(0, topic, event, this.traceparent.get(), null));
	}

	private void append(WriteTxn txn, Entry entry) {
		long next = this.sequence.get(txn, NEXT_SEQUENCE).orElse(1L);
		this.sequence.put(txn, NEXT_SEQUENCE, next + 1);
		this.entries.put(txn, next, entry.at(next));
		txn.afterCommit(this::appended);
	}

	/** What reads changelog topics back, or null when nothing can. */
	ChangelogReader changelogs() {
		return this.changelogs;
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
	 * One event to publish, and the aggregate's state it left on its changelog.
	 *
	 * @param sequence its place in the outbox, increasing across restarts
	 * @param topic where to publish the event (null when there is only a state)
	 * @param event the event, or null when there is only a state
	 * @param traceparent the W3C trace context it was written in, sent as the Kafka
	 * header {@code traceparent} so that the consumer's span joins the producer's trace;
	 * null for none (and in entries written before traces were kept)
	 * @param state the aggregate's latest state for its changelog topic, or null (and in
	 * entries written before changelogs were kept)
	 */
	record Entry(long sequence, String topic, EventEnvelope event, String traceparent, ChangelogRecord state) {

		Entry at(long sequence) {
			return new Entry(sequence, this.topic, this.event, this.traceparent, this.state);
		}

		/** When what it publishes happened. */
		java.time.Instant occurredAt() {
			return (this.event != null) ? this.event.occurredAt() : this.state.occurredAt();
		}

	}

	/**
	 * An aggregate's latest state, as its changelog topic keeps it.
	 *
	 * @param topic the aggregate's changelog topic
	 * @param key the aggregate's id, the record key
	 * @param value the aggregate as the store keeps it (JSON, UTF-8), or null for a
	 * tombstone: the aggregate was deleted
	 * @param occurredAt when it changed
	 */
	record ChangelogRecord(String topic, String key, String value, java.time.Instant occurredAt) {
	}

}
