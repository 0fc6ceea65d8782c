package hub.ameen.platform.jvm;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grows the Serial collector's young generation when a process under load collects it too
 * often: what the other collectors' own sizing does (G1's pause goal, Parallel's adaptive
 * sizes).
 *
 * <p>
 * Why: Serial sizes its young generation from the old one ({@code -XX:NewRatio}), and
 * only at a full collection. A service started with a small heap ({@code -Xms24m}), or
 * one whose heap was given back to its live data, runs a load with an eden of 5–10 MB,
 * and a load that allocates 500 MB a second collects it 50–80 times a second: each
 * collection stops the process for ~1.5 ms whatever the eden's size (the roots: weak
 * handles, classes, compiled code), 8–12 % of its time, and promotes what is in flight,
 * so the old generation fills with garbage too (decision 0007, twenty-second round).
 *
 * <p>
 * How: {@link HeapGiveBack}'s looker calls {@link #look} every period it is not giving
 * back. When young collections ran {@value #CROWDED_RATE} times a second or more, it
 * works out the young generation that would be collected {@value #TARGET_RATE} times a
 * second at that rate, within {@code MaxNewSize} and the heap's maximum; if that is a
 * quarter more than the young generation is, it runs one full collection with the heap's
 * minimum free ratio raised, so that the old generation is committed large enough for
 * Serial to size the young one from it, and restores the bounds afterwards. The pages are
 * committed, not touched: the old generation's use as before. Once the process is quiet
 * again the give-back shrinks it all back, the young generation included.
 */
final class YoungGenerationGrowth {

	private static final Logger log = LoggerFactory.getLogger(YoungGenerationGrowth.class);

	/** Young collections a second from which the young generation is grown. */
	static final int CROWDED_RATE = 20;

	/** Young collections a second the grown young generation is sized for. */
	static final int TARGET_RATE = 10;

	private static final int MAX_MIN_FREE_PERCENT = 99;

	private final GarbageCollectorMXBean young;

	private final MemoryPoolMXBean eden;

	private final MemoryPoolMXBean survivor;

	private final MemoryPoolMXBean old;

	private final HotSpotDiagnosticMXBean flags;

	private final int newRatio;

	private final long maxYoung;

	// written by the looker's one thread only
	private long lastCount;

	// the young generation a full collection did not grow: not tried again at that size
	private long didNotGrowAt = -1;

	private YoungGenerationGrowth(GarbageCollectorMXBean young, MemoryPoolMXBean eden, MemoryPoolMXBean survivor,
			MemoryPoolMXBean old, HotSpotDiagnosticMXBean flags, int newRatio, long maxYoung) {
		this.young = young;
		this.eden = eden;
		this.survivor = survivor;
		this.old = old;
		this.flags = flags;
		this.newRatio = newRatio;
		this.maxYoung = maxYoung;
		this.lastCount = young.getCollectionCount();
	}

	/**
	 * The growth for this JVM: only under the Serial collector (the others size their
	 * young generations themselves) and with HotSpot's flags to read and set.
	 */
	static Optional<YoungGenerationGrowth> forThisJvm(HotSpotDiagnosticMXBean flags) {
		if (flags == null) {
			return Optional.empty();
		}
		try {
			Optional<GarbageCollectorMXBean> young = ManagementFactory.getGarbageCollectorMXBeans()
				.stream()
				.filter((collector) -> "Copy".equals(collector.getName()))
				.findFirst();
			List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter((pool) -> pool.getType() == MemoryType.HEAP)
				.toList();
			Optional<MemoryPoolMXBean> eden = pool(pools, "Eden Space");
			Optional<MemoryPoolMXBean> survivor = pool(pools, "Survivor Space");
			Optional<MemoryPoolMXBean> old = pool(pools, "Tenured Gen");
			if (young.isEmpty() || eden.isEmpty() || survivor.isEmpty() || old.isEmpty()) {
				return Optional.empty();
			}
			int newRatio = Integer.parseInt(flags.getVMOption("NewRatio").getValue());
			long maxNewSize = Long.parseLong(flags.getVMOption("MaxNewSize").getValue());
			long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
			long maxYoung = (maxHeap > 0) ? Math.min(maxNewSize, maxHeap / (newRatio + 1)) : maxNewSize;
			return Optional.of(new YoungGenerationGrowth(young.get(), eden.get(), survivor.get(), old.get(), flags,
					newRatio, maxYoung));
		}
		catch (IllegalArgumentException ex) { // a flag this JVM does not have
			return Optional.empty();
		}
	}

	private static Optional<MemoryPoolMXBean> pool(List<MemoryPoolMXBean> pools, String name) {
		return pools.stream().filter((pool) -> name.equals(pool.getName())).findFirst();
	}

	/** Forgets the collections so far: the next look counts from now. */
	void reset() {
		this.lastCount = this.young.getCollectionCount();
	}

	/**
	 * Looks at the young collections of the period that just ended and grows the young
	 * generation if they were too many.
	 * @param periodNanos how long the period was
	 * @return whether it grew
	 */
	boolean look(long periodNanos) {
		long count = this.young.getCollectionCount();
		double rate = (count - this.lastCount) * 1e9 / Math.max(1, periodNanos);
		this.lastCount = count;
		if (rate < CROWDED_RATE) {
			return false;
		}
		long youngNow = youngCommitted();
		if (youngNow == this.didNotGrowAt) {
			return false;
		}
		long target = Math.min(this.maxYoung, (long) (youngNow * rate / TARGET_RATE));
		if (target < youngNow + youngNow / 4) {
			return false; // grown already, or as far as it may
		}
		grow(rate, youngNow, target);
		reset();
		return true;
	}

	private void grow(double rate, long youngNow, long target) {
		long started = System.nanoTime();
		long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
		// the old generation's use before the collection: its live data and some garbage,
		// so the free ratio worked out from it commits a little less than the target
		long oldUsed = Math.max(1, this.old.getUsage().getUsed());
		long oldTarget = target * this.newRatio;
		int minFree = (int) Math.min(MAX_MIN_FREE_PERCENT, 100 - (100 * oldUsed) / Math.max(oldUsed, oldTarget));
		Optional<FreeRatioBounds> before = FreeRatioBounds.of(this.flags);
		if (before.isEmpty()) {
			return;
		}
		Runnable restore;
		try {
			// the maximum at 100 %: the collection must not shrink what it grows
			restore = new FreeRatioBounds(Math.max(minFree, before.get().min()), 100).apply(this.flags, before.get());
		}
		catch (RuntimeException ex) {
			log.debug("Heap free-ratio bounds left as they are: the young generation stays as it is", ex);
			return;
		}
		try {
			System.gc();
		}
		finally {
			restore.run();
		}
		long heapAfter = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
		long youngAfter = youngCommitted();
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		if (youngAfter < youngNow + youngNow / 4) {
			// a heap at its maximum, say: one collection a size, not one every look
			this.didNotGrowAt = youngAfter;
			log.info(
					"Could not grow the young generation for {} young collections a second: {} -> {} MB "
							+ "(1 full collection, {} ms); not tried again at this size",
					Math.round(rate), youngNow >> 20, youngAfter >> 20, millis);
			return;
		}
		log.info(
				"Grew the young generation for {} young collections a second: {} -> {} MB, heap committed {} -> {} MB "
						+ "(1 full collection, {} ms)",
				Math.round(rate), youngNow >> 20, youngAfter >> 20, heapBefore >> 20, heapAfter >> 20, millis);
	}

	/** Eden and both survivor spaces (the pool shows one: they are the same size). */
	private long youngCommitted() {
		return this.eden.getUsage().getCommitted() + 2 * this.survivor.getUsage().getCommitted();
	}

}
