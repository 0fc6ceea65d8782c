package hub.ameen.platform.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

	private Aggregate(Declaration<V> declaration, Store store, Outbox outbox, JsonMapper json) {
		this.declaration = declaration;
		this.store = store;
		this.outbox = outbox;
		this.collection = store.collection(declaration.collection, Codec.utf8(), Codec.json(json, declaration.type));
		declaration.indexes.forEach((name, key) -> this.indexes.put(name,
				this.collection.index(name, Codec.utf8(), (value) -> listOf(key.apply(value)))));
		declaration.uniqueIndexes
			.forEach((name, key) -> this.indexes.put(name, this.collection.uniqueIndex(name, Codec.utf8(), key)));
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

	/** Keeps a new aggregate and announces it as created. */
	public Mono<V> create(V value, String actorId) {
		return write((txn) -> save(txn, value, this.declaration.created, actorId));
	}

	/**
	 * Loads the aggregate, applies the change (which may refuse by throwing), keeps the
	 * result and announces it as updated; 404 when there is none.
	 */
	public Mono<V> update(String id, UnaryOperator<V> change, String actorId) {
		return write((txn) -> save(txn, change.apply(load(txn, id)), this.declaration.updated, actorId));
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
			V current = load(txn, id);
			check.accept(current);
			this.collection.delete(txn, id);
			this.outbox.publish(txn, this.declaration.deleted.about(id, current).by(actorId));
			return current;
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

	/** The aggregate as the transaction sees it, if there is one. */
	public Optional<V> find(ReadTxn txn, String id) {
		return this.collection.get(txn, id);
	}

	/** Every aggregate an index files under the key, in id order. */
	public List<V> filedUnder(ReadTxn txn, String index, String key) {
		return index(index).keys(txn, key)
			.stream()
			.map((id) -> this.collection.get(txn, id))
			.flatMap(Optional::stream)
			.toList();
	}

	/** Like {@link #filedUnder(ReadTxn, String, String)}, in its own read transaction. */
	public List<V> filedUnder(String index, String key) {
		return this.store.read((txn) -> filedUnder(txn, index, key));
	}

	/** Keeps a new aggregate and announces it as created, in the caller's transaction. */
	public V create(WriteTxn txn, V value, String actorId) {
		return save(txn, value, this.declaration.created, actorId);
	}

	/**
	 * Keeps a changed aggregate and announces it as updated, in the caller's transaction.
	 */
	public V update(WriteTxn txn, V changed, String actorId) {
		return save(txn, changed, this.declaration.updated, actorId);
	}

	private V save(WriteTxn txn, V value, EventType<V> type, String actorId) {
		String id = this.declaration.id.apply(value);
		this.collection.put(txn, id, value);
		this.outbox.publish(txn, type.about(id, value).by(actorId));
		return value;
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

	private static List<String> listOf(String key) {
		return (key != null) ? List.of(key) : List.of();
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

		private String collection;

		private Function<V, String> id;

		private EventType<V> created;

		private EventType<V> updated;

		private EventType<V> deleted;

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

		/** The aggregate, kept in the store and announced through the outbox. */
		public Aggregate<V> open(Store store, Outbox outbox, JsonMapper json) {
			Objects.requireNonNull(this.collection, "collection must be declared");
			Objects.requireNonNull(this.id, "id must be declared");
			Objects.requireNonNull(this.created, "events must be declared");
			if (!this.created.topic().equals(this.updated.topic())
					|| !this.created.topic().equals(this.deleted.topic())) {
				throw new IllegalArgumentException(this.name + "'s events must share one topic");
			}
			return new Aggregate<>(this, store, outbox, json);
		}

	}

}
