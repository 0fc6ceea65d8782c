package hub.ameen.platform.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

import org.lmdbjava.Dbi;

/**
 * A named, ordered map from keys to values inside the store, with the secondary indexes
 * declared on it kept up to date in the same transaction as every change.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class Collection<K, V> {

	private final Store store;

	private final String name;

	private final Dbi<ByteBuffer> dbi;

	private final Codec<K> keys;

	private final Codec<V> values;

	private final List<Index<?, K, V>> indexes = new CopyOnWriteArrayList<>();

	Collection(Store store, String name, Dbi<ByteBuffer> dbi, Codec<K> keys, Codec<V> values) {
		this.store = store;
		this.name = name;
		this.dbi = dbi;
		this.keys = keys;
		this.values = values;
	}

	public String name() {
		return this.name;
	}

	/**
	 * Declares an index from each value to any number of index keys (none when the
	 * extractor returns an empty collection). Built from the existing records when it is
	 * new.
	 */
	public <I> Index<I, K, V> index(String indexName, Codec<I> codec,
			Function<V, ? extends java.util.Collection<I>> extractor) {
		return addIndex(
				new Index<>(this, indexName, this.store.openDbi(this.name + "@" + indexName), codec, extractor, false));
	}

	/**
	 * Declares an index kept in index key order, for prefix search and sorting through
	 * {@link Index#pageByPrefix}. Its keys must not contain a zero byte (for text, no NUL
	 * character); record keys must not either.
	 */
	public <I> Index<I, K, V> orderedIndex(String indexName, Codec<I> codec,
			Function<V, ? extends java.util.Collection<I>> extractor) {
		return addIndex(new Index<>(this, indexName, this.store.openDbi(this.name + "@" + indexName), codec, extractor,
				false, true));
	}

	/**
	 * Declares an index whose keys are unique across the collection (a null key is not
	 * indexed); a write that would break that fails with
	 * {@link StoreException.UniqueViolationException}.
	 */
	public <I> Index<I, K, V> uniqueIndex(String indexName, Codec<I> codec, Function<V, I> extractor) {
		Function<V, java.util.Collection<I>> many = (value) -> {
			I key = extractor.apply(value);
			return (key != null) ? List.of(key) : List.of();
		};
		return addIndex(
				new Index<>(this, indexName, this.store.openDbi(this.name + "@" + indexName), codec, many, true));
	}

	/**
	 * Builds the index from the records there, once in the store's life: the store marks
	 * it built, so that an index no record has a key for yet (still empty) is not built
	 * again, by reading every record, at each start.
	 */
	private <I> Index<I, K, V> addIndex(Index<I, K, V> index) {
		this.indexes.add(index);
		String dbiName = this.name + "@" + index.name();
		if (this.store.read((txn) -> this.store.isIndexBuilt(txn, dbiName))) {
			return index;
		}
		this.store.writeAndWait((txn) -> {
			if (!this.store.isIndexBuilt(txn, dbiName)) {
				// an index made before the marks were kept is built when it has entries
				if (index.isEmpty(txn) && count(txn) > 0) {
					forEach(txn, null, (key, value) -> {
						index.add(txn, this.keys.encode(key), value);
						return true;
					});
				}
				this.store.markIndexBuilt(txn, dbiName);
			}
			return null;
		});
		return index;
	}

	public Optional<V> get(ReadTxn txn, K key) {
		byte[] bytes = this.keys.encode(key);
		if (!Bytes.isStorableKey(bytes)) {
			return Optional.empty();
		}
		ByteBuffer found = this.dbi.get(txn.lmdb, Bytes.direct(bytes));
		return (found != null) ? Optional.of(this.values.decode(found)) : Optional.empty();
	}

	/** Reads one value in its own read transaction. */
	public Optional<V> get(K key) {
		return this.store.read((txn) -> get(txn, key));
	}

	public boolean contains(ReadTxn txn, K key) {
		byte[] bytes = this.keys.encode(key);
		return Bytes.isStorableKey(bytes) && this.dbi.get(txn.lmdb, Bytes.direct(bytes)) != null;
	}

	/**
	 * Stores the value under the key, replacing any value there, and updates the indexes.
	 */
	public void put(WriteTxn txn, K key, V value) {
		byte[] keyBytes = this.keys.encode(key);
		if (!this.indexes.isEmpty()) {
			// the value replaced is read only for its index entries
			get(txn, key).ifPresent((old) -> this.indexes.forEach((index) -> index.remove(txn, keyBytes, old)));
			this.indexes.forEach((index) -> index.add(txn, keyBytes, value));
		}
		byte[] encoded = this.values.encode(value);
		// LMDB makes room in its page and the value is written there: no buffer between
		this.dbi.reserve(txn.lmdb, Bytes.direct(keyBytes), encoded.length).put(encoded);
	}

	/** Stores the value only if the key is absent; returns whether it did. */
	public boolean insert(WriteTxn txn, K key, V value) {
		if (contains(txn, key)) {
			return false;
		}
		put(txn, key, value);
		return true;
	}

	/** Removes the key and its index entries; returns whether it was there. */
	public boolean delete(WriteTxn txn, K key) {
		byte[] keyBytes = this.keys.encode(key);
		Optional<V> previous = get(txn, key);
		if (previous.isEmpty()) {
			return false;
		}
		this.indexes.forEach((index) -> index.remove(txn, keyBytes, previous.get()));
		return this.dbi.delete(txn.lmdb, Bytes.direct(keyBytes));
	}

	public long count(ReadTxn txn) {
		return this.dbi.stat(txn.lmdb).entries;
	}

	/**
	 * Visits records in key order starting at {@code from} (inclusive; null for the first
	 * record) until the visitor returns false.
	 */
	public void forEach(ReadTxn txn, K from, BiPredicate<K, V> visitor) {
		byte[] start = (from != null) ? this.keys.encode(from) : null;
		Scan.run(this.dbi, txn, new byte[0], start, true, false,
				(key, value) -> visitor.test(this.keys.decode(ByteBuffer.wrap(key)), this.values.decode(value)));
	}

	/**
	 * Visits the records whose keys start with {@code prefix}, in key order, beginning
	 * after {@code after} (exclusive; null for the first), until the visitor returns
	 * false. With string keys this walks one owner's records, e.g. prefix
	 * {@code "user-1/"}.
	 */
	public void forEachWithPrefix(ReadTxn txn, K prefix, K after, BiPredicate<K, V> visitor) {
		byte[] start = (after != null) ? this.keys.encode(after) : null;
		Scan.run(this.dbi, txn, this.keys.encode(prefix), start, false, false,
				(key, value) -> visitor.test(this.keys.decode(ByteBuffer.wrap(key)), this.values.decode(value)));
	}

	/**
	 * One page of the records whose keys start with {@code prefix}, keeping those the
	 * filter accepts.
	 */
	public Page<V> page(ReadTxn txn, K prefix, PageRequest request, Predicate<V> filter) {
		return pageOf(this.dbi, txn, this.keys.encode(prefix), request, (key, value) -> {
			V decoded = this.values.decode(value);
			return filter.test(decoded) ? decoded : null;
		});
	}

	/** One page of all records in key order, keeping only those the filter accepts. */
	public Page<V> page(ReadTxn txn, PageRequest request, Predicate<V> filter) {
		return pageOf(this.dbi, txn, new byte[0], request, (key, value) -> {
			V decoded = this.values.decode(value);
			return filter.test(decoded) ? decoded : null;
		});
	}

	public Page<V> page(ReadTxn txn, PageRequest request) {
		return page(txn, request, (value) -> true);
	}

	interface Loader<V> {

		/** The item for this entry, or null to skip it. */
		V load(byte[] key, ByteBuffer value);

	}

	/**
	 * Pages over a prefix of any database, with a scan bound so a filter cannot run away.
	 */
	static <V> Page<V> pageOf(Dbi<ByteBuffer> dbi, ReadTxn txn, byte[] prefix, PageRequest request, Loader<V> loader) {
		byte[] after = request.afterKey();
		if (after != null && !Bytes.startsWith(after, prefix)) {
			throw new PageRequest.InvalidCursorException();
		}
		List<V> items = new ArrayList<>(request.limit());
		byte[][] last = new byte[1][];
		boolean[] more = { false };
		Scan.run(dbi, txn, prefix, after, false, request.descending(), (key, value) -> {
			if (items.size() == request.limit()) {
				more[0] = true;
				return false;
			}
			V item = loader.load(key, value);
			if (item != null) {
				items.add(item);
			}
			last[0] = key;
			return true;
		});
		return new Page<>(items, more[0] ? PageRequest.cursorOf(last[0]) : null);
	}

	Codec<K> keyCodec() {
		return this.keys;
	}

	Optional<V> getByKeyBytes(ReadTxn txn, byte[] key) {
		ByteBuffer found = this.dbi.get(txn.lmdb, Bytes.direct(key));
		return (found != null) ? Optional.of(this.values.decode(found)) : Optional.empty();
	}

}
