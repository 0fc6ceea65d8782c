package hub.ameen.platform.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One aggregate's compacted changelog topic: its latest state per id, a tombstone when it
 * is deleted, written in the outbox entry of each change (so it never disagrees with the
 * store), and read back when the service starts on an empty store.
 * <p>
 * At start-up, before the aggregate is used, {@link #open} looks at the aggregate's
 * marker in the store's {@code events.changelog} collection:
 * <ul>
 * <li>{@code in-sync}: the changelog has every change; nothing to do, and Kafka is not
 * asked.</li>
 * <li>none, the collection empty: a wiped (or new) store. If the changelog holds records,
 * they are restored; either way the marker becomes {@code in-sync}.</li>
 * <li>none, the collection not empty: records kept before the aggregate had a changelog.
 * Each one's state is published (seeded) through the outbox, once.</li>
 * <li>{@code restoring} or {@code seeding}: that work was interrupted; it is done again
 * from the start (a restore empties the collection first).</li>
 * </ul>
 * A restore writes through the collection, so the secondary indexes are rebuilt, but not
 * through the aggregate: it announces nothing and runs no follower.
 *
 * @param <V> the aggregate
 */
final class Changelog<V> {

	/** The store collection of markers, keyed by changelog topic. */
	static final String MARKERS = "events.changelog";

	static final String IN_SYNC = "in-sync";

	static final String RESTORING = "restoring";

	static final String SEEDING = "seeding";

	/** Records written, or seeded, per transaction. */
	static final int BATCH = 1000;

	private static final Logger logger = LoggerFactory.getLogger(Changelog.class);

	private final String topic;

	private final Store store;

	private final Outbox outbox;

	private final Collection<String, V> collection;

	private final Codec<V> codec;

	private final Collection<String, String> markers;

	Changelog(String topic, Store store, Outbox outbox, Collection<String, V> collection, Codec<V> codec) {
		this.topic = topic;
		this.store = store;
		this.outbox = outbox;
		this.collection = collection;
		this.codec = codec;
		this.markers = store.collection(MARKERS, Codec.utf8(), Codec.utf8());
	}

	/**
	 * The aggregate's state for its changelog; a tombstone when {@code value} is null.
	 */
	Outbox.ChangelogRecord state(String id, V value) {
		String json = (value != null) ? new String(this.codec.encode(value), StandardCharsets.UTF_8) : null;
		return new Outbox.ChangelogRecord(this.topic, id, json, Instant.now());
	}

	/** Restores an empty store, or seeds the changelog, as the marker says. */
	void open() {
		String marker = this.markers.get(this.topic).orElse(null);
		if (RESTORING.equals(marker)) {
			logger.info("The last restore of {} from {} did not finish; restoring again", this.collection.name(),
					this.topic);
			restore(this.outbox.changelogs());
		}
		else if (SEEDING.equals(marker)) {
			seed();
		}
		else if (marker == null) {
			if (this.store.read(this.collection::count) > 0) {
				seed();
			}
			else if (this.outbox.changelogs() == null) {
				logger.debug("{} is empty and there is no broker to restore it from {}", this.collection.name(),
						this.topic);
			}
			else {
				restore(this.outbox.changelogs());
			}
		}
	}

	/**
	 * Reads the changelog to its end twice: first where each id's latest record is (a
	 * tombstone forgets the id), then writes those records in batches. The latest states
	 * go in only once all are known: the partitions are read one after another, so an
	 * older state of one record could otherwise meet a newer one of another on a unique
	 * index.
	 */
	private void restore(ChangelogReader reader) {
		if (reader == null) {
			throw new IllegalStateException("Cannot restore " + this.collection.name() + " from " + this.topic
					+ ": this outbox has no changelog reader");
		}
		long started = System.nanoTime();
		try (ChangelogReader.Session changelog = reader.open(this.topic)) {
			if (changelog.isEmpty()) {
				// a new store, or one whose every record was removed: nothing to restore
				clear();
				mark(IN_SYNC);
				return;
			}
			mark(RESTORING);
			clear();
			restore(changelog, started);
		}
	}

	private void restore(ChangelogReader.Session changelog, long started) {
		Map<String, Position> latest = new HashMap<>();
		changelog.read((partition, offset, key, value) -> {
			if (key != null && value == null) {
				latest.remove(key);
			}
			else if (key != null) {
				latest.put(key, new Position(partition, offset));
			}
		});
		List<String> keys = new ArrayList<>(BATCH);
		List<V> values = new ArrayList<>(BATCH);
		changelog.read((partition, offset, key, value) -> {
			if (value != null && new Position(partition, offset).equals(latest.get(key))) {
				keys.add(key);
				values.add(this.codec.decode(ByteBuffer.wrap(value)));
				if (keys.size() == BATCH) {
					put(keys, values);
				}
			}
		});
		put(keys, values);
		mark(IN_SYNC);
		logger.info("Restored {} {} from {} in {} ms", latest.size(), this.collection.name(), this.topic,
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private void put(List<String> keys, List<V> values) {
		if (keys.isEmpty()) {
			return;
		}
		this.store.writeAndWait((txn) -> {
			for (int i = 0; i < keys.size(); i++) {
				this.collection.put(txn, keys.get(i), values.get(i));
			}
			return null;
		});
		keys.clear();
		values.clear();
	}

	/** Removes what an interrupted restore wrote, with its index entries. */
	private void clear() {
		while (true) {
			List<String> keys = firstKeys(null);
			if (keys.isEmpty()) {
				return;
			}
			this.store.writeAndWait((txn) -> {
				keys.forEach((key) -> this.collection.delete(txn, key));
				return null;
			});
		}
	}

	/**
	 * Publishes every record's state through the outbox, in batches, for records kept
	 * before the aggregate had a changelog. Done again from the start if interrupted; a
	 * state published twice is harmless on a compacted topic.
	 */
	private void seed() {
		long started = System.nanoTime();
		mark(SEEDING);
		long seeded = 0;
		String after = null;
		while (true) {
			List<String> keys = firstKeys(after);
			if (keys.isEmpty()) {
				break;
			}
			this.store.writeAndWait((txn) -> {
				keys.forEach((key) -> this.collection.get(txn, key)
					.ifPresent((value) -> this.outbox.publishState(txn, state(key, value))));
				return null;
			});
			seeded += keys.size();
			after = keys.get(keys.size() - 1);
		}
		mark(IN_SYNC);
		logger.info("Seeded {} with the state of {} {} kept before it existed, in {} ms", this.topic, seeded,
				this.collection.name(), Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	/** Up to {@link #BATCH} keys in order, after {@code after} (null: from the first). */
	private List<String> firstKeys(String after) {
		return this.store.read((txn) -> {
			List<String> keys = new ArrayList<>(BATCH);
			this.collection.forEach(txn, after, (key, value) -> {
				if (!key.equals(after)) {
					keys.add(key);
				}
				return keys.size() < BATCH;
			});
			return keys;
		});
	}

	private void mark(String marker) {
		this.store.writeAndWait((txn) -> {
			this.markers.put(txn, this.topic, marker);
			return null;
		});
	}

	/** Where a record is in the changelog. */
	private record Position(int partition, long offset) {
	}

}
