package hub.ameen.platform.jvm;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.OperatingSystemMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the heap a burst of work grew back to the operating system once the process has
 * been quiet for a while: what G1's periodic collections
 * ({@code -XX:G1PeriodicGCInterval}) do, for any collector.
 *
 * <p>
 * Why: under the Serial collector that {@code ./hub} runs every process with, the old
 * generation grows to take what a burst promotes, and only a full collection shrinks it;
 * a process that goes quiet after a burst has none, so it kept its peak heap for good
 * (the suite's RSS after {@code bench/ratios.sh}: decision 0007, fourteenth round). Each
 * service starts one (platform-web), and so does the local broker.
 *
 * <p>
 * How: every {@code quietPeriod} it reads the process's CPU time and the committed heap.
 * When the process used less than {@code quietCpu} cores over that period, and still does
 * over a short window right after it (a tenth of the period, 50 ms to 1 s: a load that
 * began late in the period keeps the heap as it is), and the heap has grown by
 * {@code minGrowth} or more since it was last given back (or since the JVM started: what
 * start-up grew counts too), it runs full collections until the heap is as small as it
 * gets: one with {@code -XX:-ShrinkHeapInSteps} (as {@code ./hub} runs every JVM), up to
 * five with the JVM's default, under which Serial gives back nothing on the first and
 * then a growing share. For their duration the heap's free-ratio bounds are lowered
 * ({@code MinHeapFreeRatio} 10 %, {@code MaxHeapFreeRatio} 15 %: both manageable flags),
 * so that the heap shrinks to its live data and some 18 % more instead of up to three
 * times more; they are restored afterwards. Under load the give-back leaves the heap to
 * the JVM. It first looks {@code initialDelay} after it starts, so that processes started
 * one after another (as {@code ./hub up} does) run no collections while the next ones
 * start.
 *
 * <p>
 * The other way: each period it does not give back, it hands to
 * {@link YoungGenerationGrowth}, which grows a Serial young generation that a load
 * collects too often (a full collection as a load starts, another if it gets heavier);
 * what that grows, the next give-back takes back.
 *
 * <p>
 * One per JVM: a second instance (another application context in the same JVM, as in
 * tests) does not look while the first one does.
 */
public final class HeapGiveBack implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(HeapGiveBack.class);

	private static final AtomicReference<HeapGiveBack> LOOKING = new AtomicReference<>();

	private static final int MIN_FREE_PERCENT = 10;

	private static final int MAX_FREE_PERCENT = 15;

	private static final int MAX_COLLECTIONS = 6;

	/** The last window a give-back checks is a tenth of the period, within these. */
	private static final long MIN_CONFIRM_MILLIS = 50;

	private static final long MAX_CONFIRM_MILLIS = 1000;

	private final Duration quietPeriod;

	private final double quietCpu;

	private final long minGrowth;

	private final Duration initialDelay;

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final OperatingSystemMXBean os;

	private final HotSpotDiagnosticMXBean diagnostics;

	private final boolean shrinksInSteps;

	private final Optional<YoungGenerationGrowth> youngGrowth;

	private volatile ScheduledExecutorService scheduler;

	// the fields below are written by the scheduler's one thread only
	private long lastCpuNanos;

	private long lastNanos;

	private long floor;

	public HeapGiveBack(Duration quietPeriod, double quietCpu, long minGrowth, Duration initialDelay) {
		this.quietPeriod = quietPeriod;
		this.quietCpu = quietCpu;
		this.minGrowth = minGrowth;
		this.initialDelay = initialDelay;
		// the heap the JVM started with (-Xms): what start-up grew counts as growth
		this.floor = Math.max(0, this.memory.getHeapMemoryUsage().getInit());
		this.os = (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean bean
				&& bean.getProcessCpuTime() >= 0) ? bean : null;
		this.diagnostics = hotSpotDiagnostics();
		this.shrinksInSteps = flag("ShrinkHeapInSteps").map(Boolean::parseBoolean).orElse(true);
		this.youngGrowth = YoungGenerationGrowth.forThisJvm(this.diagnostics);
	}

	/**
	 * Starts looking, every quiet period from the initial delay on, on a daemon thread of
	 * its own: nothing when the period is zero, the JVM cannot tell its CPU time, or
	 * another instance already looks.
	 */
	public void start() {
		if (this.quietPeriod.isZero() || this.quietPeriod.isNegative() || this.os == null
				|| !LOOKING.compareAndSet(null, this)) {
			return;
		}
		ScheduledExecutorService looks = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "heap-give-back");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler = looks;
		long period = this.quietPeriod.toMillis();
		long first = Math.max(period, this.initialDelay.toMillis());
		// the first look measures the quiet period before it, as every other one does
		looks.schedule(this::startPeriod, first - period, TimeUnit.MILLISECONDS);
		looks.scheduleWithFixedDelay(this::look, first, period, TimeUnit.MILLISECONDS);
	}

	/**
	 * Stops looking, once a give-back under way is over (its bounds restored); the heap
	 * stays as it is.
	 */
	@Override
	public void close() {
		ScheduledExecutorService looks = this.scheduler;
		if (looks != null) {
			looks.shutdownNow();
			try {
				looks.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.scheduler = null;
			LOOKING.compareAndSet(this, null);
		}
	}

	/** Whether this instance is the one that looks (at most one a JVM). */
	public boolean isLooking() {
		return this.scheduler != null;
	}

	private void look() {
		try {
			long cpu = cpuNanos();
			long now = System.nanoTime();
			long period = now - this.lastNanos;
			double cores = (cpu - this.lastCpuNanos) / (double) Math.max(1, period);
			this.lastCpuNanos = cpu;
			this.lastNanos = now;
			long committed = committed();
			if (committed < this.floor) {
				this.floor = committed;
			}
			if (cores < this.quietCpu && committed - this.floor >= this.minGrowth) {
				if (stillQuiet()) {
					giveBack(committed);
				}
				else {
					// a load that began late in the period: the period after it decides
					startPeriod();
				}
			}
			else if (this.youngGrowth.isPresent() && this.youngGrowth.get().look(period)) {
				startPeriod();
			}
		}
		catch (InterruptedException ex) {
			// closing: the scheduler is shut down
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			// a scheduled task that throws is never run again
			log.warn("Could not size the heap", ex);
		}
	}

	/**
	 * Whether the process is quiet now as well, over a short window from now: a period
	 * can be quiet on average with a load that began in its last seconds, and a full
	 * collection then (150-480 ms in the suite's services on this kind of machine) would
	 * stop the very requests that just came.
	 */
	private boolean stillQuiet() throws InterruptedException {
		long window = Math.min(MAX_CONFIRM_MILLIS, Math.max(MIN_CONFIRM_MILLIS, this.quietPeriod.toMillis() / 10));
		long cpu = cpuNanos();
		long now = System.nanoTime();
		Thread.sleep(window);
		double cores = (cpuNanos() - cpu) / (double) Math.max(1, System.nanoTime() - now);
		return cores < this.quietCpu;
	}

	private void giveBack(long before) {
		long started = System.nanoTime();
		Runnable restoreBounds = lowerBounds();
		int collections = 0;
		boolean shrunk = false;
		int fruitless = 0;
		long committed = before;
		try {
			// without ShrinkHeapInSteps one collection gives back all there is;
			// with it (the JVM's default) Serial gives nothing on the first and
			// then a growing share: on until one gives nothing after one did,
			// or two give nothing at all
			while (collections < MAX_COLLECTIONS) {
				System.gc();
				collections++;
				long now = committed();
				boolean gave = now < committed;
				committed = now;
				if (!this.shrinksInSteps) {
					break;
				}
				if (gave) {
					shrunk = true;
				}
				else if (shrunk || ++fruitless == 2) {
					break;
				}
			}
		}
		finally {
			restoreBounds.run();
		}
		this.floor = committed;
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		String spent = collections + ((collections == 1) ? " full collection, " : " full collections, ") + millis
				+ " ms";
		if (committed < before) {
			log.info("Gave back {} MB of heap after {} s quiet: committed {} -> {} MB ({})", (before - committed) >> 20,
					this.quietPeriod.toMillis() / 1000.0, before >> 20, committed >> 20, spent);
		}
		else {
			// live data, not garbage: the next give-back waits for it to grow
			log.info("Kept the heap after {} s quiet: its {} -> {} MB are live data ({})",
					this.quietPeriod.toMillis() / 1000.0, before >> 20, committed >> 20, spent);
		}
		startPeriod();
	}

	/** Lowers the heap's free-ratio bounds, returning what restores them. */
	private Runnable lowerBounds() {
		Optional<FreeRatioBounds> now = FreeRatioBounds.of(this.diagnostics);
		if (now.isEmpty()) {
			return () -> {
			};
		}
		FreeRatioBounds before = now.get();
		try {
			return new FreeRatioBounds(Math.min(before.min(), MIN_FREE_PERCENT),
					Math.min(before.max(), MAX_FREE_PERCENT))
				.apply(this.diagnostics, before);
		}
		catch (RuntimeException ex) {
			// flags this JVM will not change: its own bounds then
			log.debug("Heap free-ratio bounds left as they are", ex);
			return () -> {
			};
		}
	}

	private Optional<String> flag(String name) {
		try {
			return Optional.ofNullable(this.diagnostics).map((flags) -> flags.getVMOption(name).getValue());
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static HotSpotDiagnosticMXBean hotSpotDiagnostics() {
		try {
			return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
		}
		catch (IllegalArgumentException ex) {
			return null; // not HotSpot: the collections shrink by the JVM's own bounds
		}
	}

	/**
	 * A period starts now: the CPU time and young collections of the next look count from
	 * here.
	 */
	private void startPeriod() {
		this.lastCpuNanos = cpuNanos();
		this.lastNanos = System.nanoTime();
		this.youngGrowth.ifPresent(YoungGenerationGrowth::reset);
	}

	private long cpuNanos() {
		OperatingSystemMXBean bean = this.os;
		return (bean != null) ? bean.getProcessCpuTime() : 0;
	}

	private long committed() {
		return this.memory.getHeapMemoryUsage().getCommitted();
	}

}
