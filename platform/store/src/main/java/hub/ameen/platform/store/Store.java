package hub.ameen.platform.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.lmdbjava.CopyFlags;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One LMDB environment: the collections of one service. Reads run on the caller's thread
 * in their own read transaction; writes go to the environment's single writer, which
 * batches concurrent writes into one durable commit.
 *
 * <pre>{@code
 * try (Store store = Store.open(StoreOptions.at(dir))) {
 *     Collection<String, Contact> contacts = store.collection("contacts", Codec.utf8(), contactCodec);
 *     store.write(txn -> { contacts.put(txn, id, contact); return id; }).block();
 *     Optional<Contact> found = contacts.get(id);
 * }
 * }</pre>
 */
public final class Store implements AutoCloseable, MeterBinder {

	private static final Logger logger = LoggerFactory.getLogger(Store.class);

	private final StoreOptions options;

	private final Env<ByteBuffer> env;

	private final Writer writer;

	private final ReentrantReadWriteLock resizeLock = new ReentrantReadWriteLock();

	private final Map<String, Collection<?, ?>> collections = new ConcurrentHashMap<>();

	/** The indexes built from their collection's records, by database name. */
	private static final String BUILT_INDEXES = "@built-indexes";

	private final Dbi<ByteBuffer> builtIndexes;

	private volatile Timer commitTimer;

	private volatile DistributionSummary batchSizes;

	private Store(StoreOptions options, Env<ByteBuffer> env) {
		this.options = options;
		this.env = env;
		this.writer = new Writer(this, env, options.maxBatch(), options.path().getFileName().toString());
		this.builtIndexes = openDbi(BUILT_INDEXES);
	}

	/** Opens (creating if needed) the environment in the options' directory. */
	public static Store open(StoreOptions options) {
		try {
			Files.createDirectories(options.path());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Env<ByteBuffer> env = Env.create()
			.setMapSize(options.initialMapSize())
			.setMaxDbs(options.maxCollections())
			.setMaxReaders(512)
			.open(options.path().toFile(), EnvFlags.MDB_NOTLS);
		// a stale reader slot left by a killed process would pin old pages: clear them
		env.readerCheck();
		return new Store(options, env);
	}

	public Path path() {
		return this.options.path();
	}

	/** The named collection, opened (and created) on first use. */
	@SuppressWarnings("unchecked")
	public synchronized <K, V> Collection<K, V> collection(String name, Codec<K> keys, Codec<V> values) {
		return (Collection<K, V>) this.collections.computeIfAbsent(name,
				(n) -> new Collection<>(this, n, openDbi(n), keys, values));
	}

	/** Whether the index in this named database was built from the records (once). */
	boolean isIndexBuilt(ReadTxn txn, String dbiName) {
		return this.builtIndexes.get(txn.lmdb, Bytes.direct(dbiName.getBytes(StandardCharsets.UTF_8))) != null;
	}

	void markIndexBuilt(WriteTxn txn, String dbiName) {
		this.builtIndexes.put(txn.lmdb, Bytes.direct(dbiName.getBytes(StandardCharsets.UTF_8)),
				Bytes.direct(new byte[] { 1 }));
	}

	synchronized Dbi<ByteBuffer> openDbi(String name) {
		if (this.writer.isWriterThread()) {
			throw new IllegalStateException("collections are declared outside write transactions");
		}
		this.resizeLock.readLock().lock();
		try {
			return this.env.openDbi(name, DbiFlags.MDB_CREATE);
		}
		finally {
			this.resizeLock.readLock().unlock();
		}
	}

	/** Runs the function in a read transaction on this thread: short work only. */
	public <T> T read(Function<ReadTxn, T> work) {
		this.resizeLock.readLock().lock();
		try (Txn<ByteBuffer> txn = this.env.txnRead()) {
			return work.apply(new ReadTxn(txn));
		}
		finally {
			this.resizeLock.readLock().unlock();
		}
	}

	/**
	 * Queues the function for the writer; the Mono completes with its result once the
	 * transaction is durable, or fails with what the function threw (nothing it wrote is
	 * kept then). The function may run more than once; it must only touch the store.
	 */
	public <T> Mono<T> write(Function<WriteTxn, T> work) {
		return Mono
			.deferContextual((context) -> Mono.fromFuture(this.writer.submit(CallersContext.around(work, context))))
			.publishOn(Schedulers.parallel());
	}

	/**
	 * Like {@link #write} but waits for the commit: for start-up and tests, never on an
	 * event loop.
	 */
	public <T> T writeAndWait(Function<WriteTxn, T> work) {
		try {
			return this.writer.submit(CallersContext.around(work, null)).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StoreException("interrupted while waiting for a write", ex);
		}
		catch (ExecutionException ex) {
			throw unwrap(ex.getCause());
		}
	}

	private static RuntimeException unwrap(Throwable cause) {
		if (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		return new StoreException("write failed", cause);
	}

	/**
	 * Writes a consistent, compacted copy of the environment into an empty or missing
	 * directory while the store keeps serving reads and writes.
	 */
	public void backup(Path target) {
		try {
			Files.createDirectories(target);
			try (var entries = Files.list(target)) {
				if (entries.findAny().isPresent()) {
					throw new IllegalArgumentException("backup directory must be empty: " + target);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.resizeLock.readLock().lock();
		try {
			this.env.copy(target.toFile(), CopyFlags.MDB_CP_COMPACT);
		}
		finally {
			this.resizeLock.readLock().unlock();
		}
	}

	/** The map's configured size and the bytes in use. */
	public Stats stats() {
		this.resizeLock.readLock().lock();
		try {
			if (this.env.isClosed()) {
				return new Stats(0, 0, 0);
			}
			var info = this.env.info();
			long pageSize = this.env.stat().pageSize;
			return new Stats(info.mapSize, (info.lastPageNumber + 1) * pageSize, info.lastTransactionId);
		}
		finally {
			this.resizeLock.readLock().unlock();
		}
	}

	/**
	 * Sizes of the store.
	 *
	 * @param mapSize bytes the map may grow to before it is enlarged
	 * @param usedBytes bytes of pages in use
	 * @param lastTransactionId the id of the last committed write transaction
	 */
	public record Stats(long mapSize, long usedBytes, long lastTransactionId) {
	}

	void growMap() {
		this.resizeLock.writeLock().lock();
		try {
			long next = this.env.info().mapSize * 2;
			logger.info("Store {} is full; growing its map to {} MiB", this.options.path(), next >> 20);
			this.env.setMapSize(next);
		}
		finally {
			this.resizeLock.writeLock().unlock();
		}
	}

	ReentrantReadWriteLock resizeLock() {
		return this.resizeLock;
	}

	void recordCommit(long nanos, int batchSize) {
		Timer timer = this.commitTimer;
		if (timer != null) {
			timer.record(Duration.ofNanos(nanos));
			this.batchSizes.record(batchSize);
		}
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		String store = this.options.path().getFileName().toString();
		this.commitTimer = Timer.builder("hub.store.commit")
			.description("Time to commit one batch of writes durably")
			.tag("store", store)
			.publishPercentileHistogram()
			.register(registry);
		this.batchSizes = DistributionSummary.builder("hub.store.batch.size")
			.description("Writes committed together in one transaction")
			.tag("store", store)
			.register(registry);
		Gauge.builder("hub.store.map.size", this, (s) -> s.stats().mapSize())
			.baseUnit("bytes")
			.tag("store", store)
			.register(registry);
		Gauge.builder("hub.store.used", this, (s) -> s.stats().usedBytes())
			.baseUnit("bytes")
			.tag("store", store)
			.register(registry);
	}

	@Override
	public void close() {
		this.writer.close();
		this.resizeLock.writeLock().lock();
		try {
			this.env.close();
		}
		finally {
			this.resizeLock.writeLock().unlock();
		}
	}

}
