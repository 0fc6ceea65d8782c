package hub.ameen.platform.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Index;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreException;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.platform.web.ConflictException;
import hub.ameen.platform.web.NotFoundException;
import hub.ameen.platform.web.PageResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A collection of one kind of aggregate whose every change is announced: each write keeps
 * the record, its secondary indexes and its event in the outbox in one transaction. It is
 * declared once, with named arguments, next to the payload record:
 *
 * <pre>{@code
 * Aggregate<Task> tasks = Aggregate.of(Task.class)
 *     .collection("tasks")
 *     .id(Task::id)
 *     .events(Task.CREATED, Task.UPDATED, Task.DELETED)
 *     .index("assignee", Task::assigneeId)
 *     .open(store, outbox, json);
 * }</pre>
 *
 * Reads answer 404 for an id that is not there; a write that breaks a unique index
 * answers 409 and changes nothing.
 *
 * @param <V> the aggregate, kept as JSON, keyed by its id and sent whole in its events
 */
public final class Aggregate<V> {

	private final Declaration<V> declaration;

	private final Store store;

	private final Outbox outbox;

	private final Collection<String, V> collection;

	private final Map<String, Index<String, String, V>> indexes = new HashMap<>();

	private final List<Follower<V>> followers = new CopyOnWriteArrayList<>();

	private final Changelog<V> changelog;

	private Aggregate(Declaration<V> declaration, Store store, Outbox outbox, JsonMapper json) {
		this.declaration = declaration;
		this.store = store;
		this.outbox = outbox;
		Codec<V> codec = Codec.json(json, declaration.type);
		this.collection = store.collection(declaration.collection, Codec.utf8(), codec);
		this.changelog = (declaration.changelog != null)
				? new Changelog<>(declaration.changelog, store, outbox, this.collection, codec) : null;
		declaration.indexes.forEach((name, key) -> this.indexes.put(name,
				this.collection.index(name, Codec.utf8(), (value) -> listOf(key.apply(value)))));
		declaration.uniqueIndexes
			.forEach((name, key) -> this.indexes.put(name, this.collection.uniqueIndex(name, Codec.utf8(), key)));
		declaration.multiIndexes.forEach((name, keys) -> this.indexes.put(name,
				this.collection.index(name, Codec.utf8(), (value) -> distinct(keys.apply(value)))));
		declaration.orderedIndexes.forEach((name, keys) -> this.indexes.put(name,
				this.collection.orderedIndex(name, Codec.utf8(), (value) -> orderedKeys(keys.apply(value)))));
	}

	/**
	 * Starts declaring an aggregate.
	 * @param type its record type
	 * @return the declaration, to finish with {@link Declaration#open}
	 */
	public static <V> Declaration<V> of(Class<V> type) {
		return new Declaration<>(type);
	}

	/** The aggregate, or a 404 problem when there is none with that id. */
	public V get(String id) {
		return this.collection.get(id).orElseThrow(() -> notFound(id));
	}

	/** The aggregate a unique index names, if any. */
	public Optional<V> findBy(String uniqueIndex, String key) {
		return this.store.read((txn) -> index(uniqueIndex).first(txn, key));
	}

	/**
	 * One page of the aggregates that pass the filter, newest first (ids are
	 * time-ordered).
	 */
	public PageResponse<V> newestFirst(PageRequest request, Predicate<V> filter) {
		return page(this.store.read((txn) -> this.collection.page(txn, request.descendingOrder(), filter)));
	}

	/** One page of the aggregates an index files under the key, newest first. */
	public PageResponse<V> newestFirst(String index, String key, PageRequest request, Predicate<V> filter) {
		return page(this.store.read((txn) -> index(index).page(txn, key, request.descendingOrder(), filter)));
	}

	/**
	 * One page of the aggregates that pass the filter, in id order (creation order) or,
	 * when the request is descending, newest first.
	 */
	public PageResponse<V> page(PageRequest request, Predicate<V> filter) {
		return page(this.store.read((txn) -> this.collection.page(txn, request, filter)));
	}

	/**
	 * One page of the aggregates an index files under the key, in the request's order.
	 */
	public PageResponse<V> page(String index, String key, PageRequest request, Predicate<V> filter) {
		return page(this.store.read((txn) -> index(index).page(txn, key, request, filter)));
	}

	/**
	 * One page of the aggregates an ordered index files under keys starting with the
	 * prefix (lower case; empty for all), in key order, each aggregate once per page.
	 */
	public PageResponse<V> search(String orderedIndex, String prefix, PageRequest request, Predicate<V> filter) {
		String key = orderedKey(prefix);
		return page(this.store.read((txn) -> index(orderedIndex).pageByPrefix(txn, key, request, filter)), true);
	}

	/** The aggregate, if there is one. */
	public Optional<V> find(String id) {
		return this.collection.get(id);
	}

	/** The aggregate inside the caller's transaction, if there is one. */
	public Optional<V> find(ReadTxn txn, String id) {
		return this.collection.get(txn, id);
	}

	/** The ids an index files under the key, oldest first. */
	public List<String> idsBy(ReadTxn txn, String index, String key) {
		return index(index).keys(txn, key);
	}

	/**
	 * Every aggregate an index files under the key, oldest first, read in one
	 * transaction.
	 */
	public List<V> findAllBy(String index, String key) {
		return this.store.read((txn) -> findAllBy(txn, index, key));
	}

	/** How many aggregates an index files under the key. */
	public int countBy(String index, String key) {
		return this.store.read((txn) -> index(index).keys(txn, key).size());
	}

	/**
	 * Runs the follower inside the transaction of every change, after the aggregate is
	 * kept: to keep a timeline or announce a more specific event in the same commit.
	 */
	public void onChange(Follower<V> follower) {
		this.followers.add(follower);
	}

	/** Keeps a new aggregate inside the caller's transaction and announces it. */
	public V createIn(WriteTxn txn, V value, String actorId) {
		return save(txn, null, value, this.declaration.created, actorId);
	}

	/**
	 * Changes an aggregate inside the caller's transaction and announces it; 404 when
	 * missing.
	 */
	public V updateIn(WriteTxn txn, String id, UnaryOperator<V> change, String actorId) {
		V current = load(txn, id);
		return save(txn, current, change.apply(current), this.declaration.updated, actorId);
	}

	/**
	 * Removes an aggregate inside the caller's transaction and announces it; 404 when
	 * missing.
	 */
	public V removeIn(WriteTxn txn, String id, String actorId) {
		V current = load(txn, id);
		this.collection.delete(txn, id);
		this.outbox.publish(txn, this.declaration.deleted.about(id, current).by(actorId), state(id, null));
		this.followers.forEach((follower) -> follower.changed(txn, this.declaration.deleted, current, null, actorId));
		return current;
	}

	/** Keeps a new aggregate and announces it as created. */
	public Mono<V> create(V value, String actorId) {
		return write((txn) -> createIn(txn, value, actorId));
	}

	/**
	 * Loads the aggregate, applies the change (which may refuse by throwing), keeps the
	 * result and announces it as updated; 404 when there is none.
	 */
	public Mono<V> update(String id, UnaryOperator<V> change, String actorId) {
		return write((txn) -> updateIn(txn, id, change, actorId));
	}

	/**
	 * Removes the aggregate and announces it as deleted, as it was; 404 when there is
	 * none.
	 */
	public Mono<V> remove(String id, String actorId) {
		return remove(id, (current) -> {
		}, actorId);
	}

	/**
	 * Removes the aggregate if the check (which may refuse by throwing) lets it, and
	 * announces it as deleted; 404 when there is none.
	 */
	public Mono<V> remove(String id, Consumer<V> check, String actorId) {
		return write((txn) -> {
			check.accept(load(txn, id));
			return removeIn(txn, id, actorId);
		});
	}

	/**
	 * Runs work that reads and changes several aggregates in ONE transaction on the
	 * store's single writer, e.g. a move that must see its neighbours as they are now, or
	 * a bulk change that applies to all or none. Inside, use the methods that take the
	 * transaction; a unique index broken is a 409 and nothing is kept.
	 */
	public <T> Mono<T> inTransaction(Function<WriteTxn, T> work) {
		return this.store.write(work)
			.onErrorMap(StoreException.UniqueViolationException.class,
					(ex) -> new ConflictException("Another " + this.declaration.name + " already has that value"));
	}

	/** The aggregate as the transaction sees it; 404 when there is none. */
	public V get(ReadTxn txn, String id) {
		return this.collection.get(txn, id).orElseThrow(() -> notFound(id));
	}

	/**
	 * Every aggregate an index files under the key, in id order, as the transaction sees
	 * them.
	 */
	public List<V> findAllBy(ReadTxn txn, String index, String key) {
		return index(index).keys(txn, key)
			.stream()
			.map((id) -> this.collection.get(txn, id))
			.flatMap(Optional::stream)
			.toList();
	}

	/**
	 * Keeps a changed aggregate (found by its id) and announces it as updated, in the
	 * caller's transaction.
	 */
	public V updateIn(WriteTxn txn, V changed, String actorId) {
		return updateIn(txn, this.declaration.id.apply(changed), (current) -> changed, actorId);
	}

	private V save(WriteTxn txn, V before, V value, EventType<V> type, String actorId) {
		String id = this.declaration.id.apply(value);
		requireUnique(txn, id, value);
		this.collection.put(txn, id, value);
		this.outbox.publish(txn, type.about(id, value).by(actorId), state(id, value));
		this.followers.forEach((follower) -> follower.changed(txn, type, before, value, actorId));
		return value;
	}

	/**
	 * A 409 that names the aggregate already holding a unique value, before the store
	 * refuses it.
	 */
	private void requireUnique(WriteTxn txn, String id, V value) {
		this.declaration.uniqueIndexes.forEach((name, key) -> {
			String wanted = key.apply(value);
			if (wanted != null) {
				index(name).keys(txn, wanted)
					.stream()
					.filter((other) -> !other.equals(id))
					.findFirst()
					.ifPresent((other) -> {
						ConflictException conflict = new ConflictException(
								this.declaration.name + " " + other + " already has this " + name);
						conflict.getBody().setProperty("existingId", other);
						throw conflict;
					});
			}
		});
	}

	/** The state for the changelog (a tombstone for null), or null without one. */
	private Outbox.ChangelogRecord state(String id, V value) {
		return (this.changelog != null) ? this.changelog.state(id, value) : null;
	}

	private V load(WriteTxn txn, String id) {
		return this.collection.get(txn, id).orElseThrow(() -> notFound(id));
	}

	private Mono<V> write(Function<WriteTxn, V> work) {
		return inTransaction(work);
	}

	private Index<String, String, V> index(String name) {
		Index<String, String, V> index = this.indexes.get(name);
		if (index == null) {
			throw new IllegalStateException(this.declaration.collection + " declares no index " + name);
		}
		return index;
	}

	private NotFoundException notFound(String id) {
		return new NotFoundException(this.declaration.name, id);
	}

	private static <V> PageResponse<V> page(hub.ameen.platform.store.Page<V> page) {
		return new PageResponse<>(page.items(), page.nextCursor());
	}

	private static <V> PageResponse<V> page(hub.ameen.platform.store.Page<V> page, boolean distinct) {
		return new PageResponse<>(new ArrayList<>(new LinkedHashSet<>(page.items())), page.nextCursor());
	}

	private static List<String> listOf(String key) {
		return (key != null) ? List.of(key) : List.of();
	}

	private static List<String> distinct(java.util.Collection<String> keys) {
		return (keys != null) ? keys.stream().filter(Objects::nonNull).distinct().toList() : List.of();
	}

	private static List<String> orderedKeys(java.util.Collection<String> keys) {
		return distinct(keys).stream().map(Aggregate::orderedKey).filter((key) -> !key.isEmpty()).distinct().toList();
	}

	/** Lower case, without NUL, at most 200 characters: what an ordered index keeps. */
	private static String orderedKey(String text) {
		if (text == null) {
			return "";
		}
		String key = text.replace("\0", "").strip().toLowerCase(Locale.ROOT);
		return (key.length() > 200) ? key.substring(0, 200) : key;
	}

	/**
	 * Runs inside the transaction of each change to an aggregate.
	 *
	 * @param <V> the aggregate
	 */
	@FunctionalInterface
	public interface Follower<V> {

		/**
		 * The aggregate changed.
		 * @param txn the change's transaction
		 * @param type created, updated or deleted
		 * @param before the aggregate before (null when created)
		 * @param after the aggregate after (null when deleted)
		 * @param actorId who changed it
		 */
		void changed(WriteTxn txn, EventType<V> type, V before, V after, String actorId);

	}

	/**
	 * What an aggregate is, said with named arguments; {@link #open} checks that nothing
	 * is missing.
	 *
	 * @param <V> the aggregate's record type
	 */
	public static final class Declaration<V> {

		private final Class<V> type;

		private final String name;

		private final Map<String, Function<V, String>> indexes = new HashMap<>();

		private final Map<String, Function<V, String>> uniqueIndexes = new HashMap<>();

		private final Map<String, Function<V, java.util.Collection<String>>> multiIndexes = new HashMap<>();

		private final Map<String, Function<V, java.util.Collection<String>>> orderedIndexes = new HashMap<>();

		private String collection;

		private Function<V, String> id;

		private EventType<V> created;

		private EventType<V> updated;

		private EventType<V> deleted;

		private String changelog;

		private Declaration(Class<V> type) {
			this.type = type;
			this.name = type.getSimpleName();
		}

		/** The store collection that keeps it, e.g. {@code tasks}. */
		public Declaration<V> collection(String collection) {
			this.collection = collection;
			return this;
		}

		/** How to read its id, also the events' key. */
		public Declaration<V> id(Function<V, String> id) {
			this.id = id;
			return this;
		}

		/** The three event types its changes are announced as; all on one topic. */
		public Declaration<V> events(EventType<V> created, EventType<V> updated, EventType<V> deleted) {
			this.created = created;
			this.updated = updated;
			this.deleted = deleted;
			return this;
		}

		/** A secondary index from a field to any number of aggregates (none for null). */
		public Declaration<V> index(String name, Function<V, String> key) {
			this.indexes.put(name, key);
			return this;
		}

		/** A secondary index whose keys no two aggregates share (null is not indexed). */
		public Declaration<V> uniqueIndex(String name, Function<V, String> key) {
			this.uniqueIndexes.put(name, key);
			return this;
		}

		/** A secondary index from a field holding several keys (tags, linked ids). */
		public Declaration<V> indexEach(String name, Function<V, java.util.Collection<String>> keys) {
			this.multiIndexes.put(name, keys);
			return this;
		}

		/**
		 * An index kept in key order, lower-cased, for prefix search ({@code ?q=}) and
		 * sorting by name: see {@link Aggregate#search}.
		 */
		public Declaration<V> orderedIndex(String name, Function<V, java.util.Collection<String>> keys) {
			this.orderedIndexes.put(name, keys);
			return this;
		}

		/**
		 * Keeps the aggregate's latest state per id on a compacted changelog topic (a
		 * tombstone when it is deleted), written in the outbox entry of each change, and
		 * restores the collection from it when the service starts on an empty store: see
		 * {@code docs/decisions/0009-stores-rebuilt-from-kafka.md}. The service declares
		 * the topic with {@link Topics#declareChangelogs}.
		 * @param topic the changelog topic, e.g. {@link Topics#CONTACT_CHANGELOG}
		 */
		public Declaration<V> changelog(String topic) {
			if (topic == null || topic.isBlank()) {
				throw new IllegalArgumentException("changelog topic must not be blank");
			}
			this.changelog = topic;
			return this;
		}

		/**
		 * The aggregate, kept in the store and announced through the outbox; with a
		 * changelog, restored from it first if the store is empty (before any other bean
		 * can read or write it).
		 */
		public Aggregate<V> open(Store store, Outbox outbox, JsonMapper json) {
			Objects.requireNonNull(this.collection, "collection must be declared");
			Objects.requireNonNull(this.id, "id must be declared");
			Objects.requireNonNull(this.created, "events must be declared");
			if (!this.created.topic().equals(this.updated.topic())
					|| !this.created.topic().equals(this.deleted.topic())) {
				throw new IllegalArgumentException(this.name + "'s events must share one topic");
			}
			Aggregate<V> aggregate = new Aggregate<>(this, store, outbox, json);
			if (aggregate.changelog != null) {
				aggregate.changelog.open();
			}
			return aggregate;
		}

	}

}
