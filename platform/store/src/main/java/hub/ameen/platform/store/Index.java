package hub.ameen.platform.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.lmdbjava.Dbi;
import org.lmdbjava.PutFlags;

/**
 * A secondary index of a {@link Collection}, written in the same transaction as the
 * record. A unique index maps an index key to one record key; a plain one keeps one entry
 * per (index key, record key) pair, ordered by record key within an index key.
 *
 * @param <I> the index key type
 * @param <K> the record key type
 * @param <V> the record value type
 */
public final class Index<I, K, V> {

	private static final ByteBuffer EMPTY = ByteBuffer.allocateDirect(0);

	private final Collection<K, V> collection;

	private final String name;

	private final Dbi<ByteBuffer> dbi;

	private final Codec<I> codec;

	private final Function<V, ? extends java.util.Collection<I>> extractor;

	private final boolean unique;

	private final boolean ordered;

	Index(Collection<K, V> collection, String name, Dbi<ByteBuffer> dbi, Codec<I> codec,
			Function<V, ? extends java.util.Collection<I>> extractor, boolean unique) {
		this(collection, name, dbi, codec, extractor, unique, false);
	}

	Index(Collection<K, V> collection, String name, Dbi<ByteBuffer> dbi, Codec<I> codec,
			Function<V, ? extends java.util.Collection<I>> extractor, boolean unique, boolean ordered) {
		this.ordered = ordered;
		this.collection = collection;
		this.name = name;
		this.dbi = dbi;
		this.codec = codec;
		this.extractor = extractor;
		this.unique = unique;
	}

	/** The record keys indexed under this key, in record key order. */
	public List<K> keys(ReadTxn txn, I indexKey) {
		List<K> found = new ArrayList<>();
		if (this.unique) {
			uniqueKey(txn, indexKey).ifPresent((key) -> found.add(decodeKey(key)));
			return found;
		}
		byte[] prefix = prefix(indexKey);
		Scan.run(this.dbi, txn, prefix, null, false, false, (entry, value) -> {
			found.add(decodeKey(java.util.Arrays.copyOfRange(entry, prefix.length, entry.length)));
			return true;
		});
		return found;
	}

	/**
	 * Whether any record is indexed under this key, without reading one: for a unique
	 * index, one lookup.
	 */
	public boolean contains(ReadTxn txn, I indexKey) {
		if (this.unique) {
			return uniqueKey(txn, indexKey).isPresent();
		}
		boolean[] found = { false };
		Scan.run(this.dbi, txn, prefix(indexKey), null, false, false, (entry, value) -> {
			found[0] = true;
			return false;
		});
		return found[0];
	}

	/** The first record indexed under this key; for a unique index, the record. */
	public Optional<V> first(ReadTxn txn, I indexKey) {
		if (this.unique) {
			return uniqueKey(txn, indexKey).flatMap((key) -> this.collection.getByKeyBytes(txn, key));
		}
		return keys(txn, indexKey).stream().findFirst().flatMap((key) -> this.collection.get(txn, key));
	}

	/** One page of the records indexed under this key, in record key order. */
	public Page<V> page(ReadTxn txn, I indexKey, PageRequest request, Predicate<V> filter) {
		byte[] prefix = prefix(indexKey);
		return Collection.pageOf(this.dbi, txn, prefix, request, (entry, value) -> {
			byte[] key = java.util.Arrays.copyOfRange(entry, prefix.length, entry.length);
			return this.collection.getByKeyBytes(txn, key).filter(filter).orElse(null);
		});
	}

	/**
	 * One page of the records whose index keys start with the prefix (an ordered index
	 * only), in index key order then record key order: prefix search and sorting. A
	 * record filed under several matching keys can appear more than once.
	 */
	public Page<V> pageByPrefix(ReadTxn txn, I keyPrefix, PageRequest request, Predicate<V> filter) {
		if (!this.ordered) {
			throw new IllegalStateException(this.name + " is not an ordered index");
		}
		return Collection.pageOf(this.dbi, txn, this.codec.encode(keyPrefix), request, (entry, value) -> {
			byte[] key = recordKeyOf(entry);
			return this.collection.getByKeyBytes(txn, key).filter(filter).orElse(null);
		});
	}

	/** Ordered entries are the index key, a zero byte, then the record key. */
	private static byte[] recordKeyOf(byte[] entry) {
		int separator = entry.length - 1;
		while (separator >= 0 && entry[separator] != 0) {
			separator--;
		}
		return java.util.Arrays.copyOfRange(entry, separator + 1, entry.length);
	}

	String name() {
		return this.name;
	}

	boolean isEmpty(ReadTxn txn) {
		return this.dbi.stat(txn.lmdb).entries == 0;
	}

	void add(WriteTxn txn, byte[] recordKey, V value) {
		for (I indexKey : this.extractor.apply(value)) {
			if (this.unique) {
				ByteBuffer key = Bytes.direct(this.codec.encode(indexKey));
				ByteBuffer existing = this.dbi.get(txn.lmdb, key);
				if (existing != null && !java.util.Arrays.equals(Bytes.copy(existing), recordKey)) {
					throw new StoreException.UniqueViolationException(this.name);
				}
				this.dbi.put(txn.lmdb, key, Bytes.direct(recordKey));
			}
			else {
				this.dbi.put(txn.lmdb, Bytes.direct(Bytes.concat(prefix(indexKey), recordKey)), EMPTY,
						PutFlags.MDB_NOOVERWRITE);
			}
		}
	}

	void remove(WriteTxn txn, byte[] recordKey, V value) {
		for (I indexKey : this.extractor.apply(value)) {
			ByteBuffer key = this.unique ? Bytes.direct(this.codec.encode(indexKey))
					: Bytes.direct(Bytes.concat(prefix(indexKey), recordKey));
			this.dbi.delete(txn.lmdb, key);
		}
	}

	private Optional<byte[]> uniqueKey(ReadTxn txn, I indexKey) {
		byte[] bytes = this.codec.encode(indexKey);
		if (!Bytes.isStorableKey(bytes)) {
			return Optional.empty();
		}
		ByteBuffer found = this.dbi.get(txn.lmdb, Bytes.direct(bytes));
		return Optional.ofNullable(found).map(Bytes::copy);
	}

	/**
	 * Two bytes of length, then the index key: entries for one index key share it. An
	 * ordered index instead keeps the key, then a zero byte, so keys sort by their bytes
	 * and a prefix of the key finds them.
	 */
	private byte[] prefix(I indexKey) {
		byte[] encoded = this.codec.encode(indexKey);
		if (this.ordered) {
			return java.util.Arrays.copyOf(encoded, encoded.length + 1);
		}
		byte[] prefix = new byte[encoded.length + 2];
		prefix[0] = (byte) (encoded.length >>> 8);
		prefix[1] = (byte) encoded.length;
		System.arraycopy(encoded, 0, prefix, 2, encoded.length);
		return prefix;
	}

	private K decodeKey(byte[] key) {
		return this.collection.keyCodec().decode(ByteBuffer.wrap(key));
	}

}
