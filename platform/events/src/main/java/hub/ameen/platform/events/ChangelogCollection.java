package hub.ameen.platform.events;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;

/**
 * The changelog of a store collection that is not kept through an {@link Aggregate} (its
 * events are not three created/updated/deleted types of one payload, e.g. user-service's
 * users): each {@link #put} and {@link #delete} writes the collection and, in the same
 * transaction, the record's latest state (or a tombstone) on the compacted changelog
 * topic, in an outbox entry of its own beside the caller's event. {@link #open} restores
 * an empty collection from the topic, or seeds the topic, exactly as
 * {@link Aggregate.Declaration#changelog} does (see
 * {@code docs/decisions/0009-stores-rebuilt-from-kafka.md}).
 * <p>
 * Declare the collection's indexes before {@link #open}, so a restore rebuilds them, and
 * write the collection only through this class: a write that bypasses it is missing from
 * the changelog (on purpose only for a copy of a record another store owns, such as the
 * scheduler's replicas of other instances' events).
 *
 * @param <V> the record type
 */
public final class ChangelogCollection<V> {

	private final Collection<String, V> collection;

	private final Outbox outbox;

	private final Changelog<V> changelog;

	private ChangelogCollection(Collection<String, V> collection, Outbox outbox, Changelog<V> changelog) {
		this.collection = collection;
		this.outbox = outbox;
		this.changelog = changelog;
	}

	/**
	 * The collection's changelog, after restoring the collection from it if the store is
	 * empty (or seeding it with records kept before it existed).
	 * @param topic the changelog topic, declared with {@link Topics#declareChangelogs}
	 * @param store the store that keeps the collection
	 * @param outbox the store's outbox
	 * @param collection the collection, its indexes already declared
	 * @param codec the collection's value codec: the changelog's records are its bytes
	 * @return the changelog to write the collection through
	 */
	public static <V> ChangelogCollection<V> open(String topic, Store store, Outbox outbox,
			Collection<String, V> collection, Codec<V> codec) {
		if (topic == null || topic.isBlank()) {
			throw new IllegalArgumentException("changelog topic must not be blank");
		}
		Changelog<V> changelog = new Changelog<>(topic, store, outbox, collection, codec);
		changelog.open();
		return new ChangelogCollection<>(collection, outbox, changelog);
	}

	/** Keeps the record and publishes its state, in the caller's transaction. */
	public void put(WriteTxn txn, String id, V value) {
		this.collection.put(txn, id, value);
		this.outbox.publishState(txn, this.changelog.state(id, value));
	}

	/**
	 * Keeps the record and publishes its state only if there is none with that id.
	 * @return whether it was kept
	 */
	public boolean insert(WriteTxn txn, String id, V value) {
		if (!this.collection.insert(txn, id, value)) {
			return false;
		}
		this.outbox.publishState(txn, this.changelog.state(id, value));
		return true;
	}

	/**
	 * Removes the record and publishes a tombstone, in the caller's transaction.
	 * @return whether there was one
	 */
	public boolean delete(WriteTxn txn, String id) {
		if (!this.collection.delete(txn, id)) {
			return false;
		}
		this.outbox.publishState(txn, this.changelog.state(id, null));
		return true;
	}

}
