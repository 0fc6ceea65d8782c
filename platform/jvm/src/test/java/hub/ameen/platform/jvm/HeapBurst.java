package hub.ameen.platform.jvm;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.sun.management.HotSpotDiagnosticMXBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM of its own for {@link HeapGiveBackTests}: grows its heap with a burst, lets it
 * all become garbage, then either goes quiet or keeps one core busy, printing its
 * committed heap as it goes, with the milliseconds since its give-back started. Or, for
 * {@link YoungGenerationGrowthTests}, allocates short-lived garbage (as a service under
 * load does), as fast as it can or at a gentle rate, then goes quiet, printing its
 * committed young generation and young collections as it goes. Arguments:
 * {@code quiet|busy|churn|trickle}, how many seconds at most (churning or trickling, and
 * then again quiet), the initial delay in milliseconds, and the give-back's period in
 * milliseconds (500 if not given). Or {@code resume}: quiet after the burst, then busy
 * from a twentieth of the period before the give-back's first look, for the seconds
 * given.
 */
public final class HeapBurst {

	private static long started;

	private HeapBurst() {
	}

	public static void main(String[] args) throws Exception {
		boolean busy = "busy".equals(args[0]);
		Duration time = Duration.ofSeconds(Long.parseLong(args[1]));
		Duration initialDelay = Duration.ofMillis(Long.parseLong(args[2]));
		Duration period = Duration.ofMillis((args.length > 3) ? Long.parseLong(args[3]) : 500);
		HeapGiveBack giveBack = new HeapGiveBack(period, 0.1, 8 << 20, initialDelay);
		started = System.nanoTime();
		giveBack.start();
		if (args[0].equals("churn") || args[0].equals("trickle")) {
			churn(args[0].equals("churn"), time, giveBack);
			return;
		}
		// a burst: 1 MB arrays kept long enough to be promoted, then dropped
		List<byte[]> kept = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			kept.add(new byte[1 << 20]);
		}
		long peak = committed();
		System.out.println("peak " + peak + " " + kept.size());
		kept = null;
		if ("resume".equals(args[0])) {
			// quiet, then busy from a twentieth of the period before the first look on:
			// the period before that look is quiet on average (a twentieth of a core)
			long from = initialDelay.minus(period.dividedBy(20)).toMillis();
			awaitOrPastDeadline(() -> millis() >= from, initialDelay, () -> {
			});
			System.out.println("busy from " + millis());
			Thread spinner = new Thread(HeapBurst::spin, "spinner");
			spinner.setDaemon(true);
			spinner.start();
			awaitOrPastDeadline(() -> false, time, HeapBurst::printCommitted);
		}
		else if (busy) {
			Thread spinner = new Thread(HeapBurst::spin, "spinner");
			spinner.setDaemon(true);
			spinner.start();
			// kept for all of the time: a look every 0.5 s must leave the heap alone
			awaitOrPastDeadline(() -> false, time, HeapBurst::printCommitted);
		}
		else {
			awaitOrPastDeadline(() -> committed() < peak / 3, time, HeapBurst::printCommitted);
		}
		giveBack.close(); // a give-back under way ends first
		printCommitted();
		printBounds();
	}

	/**
	 * Allocates for the time given, then (after a churn) goes quiet for at most as long.
	 */
	private static void churn(boolean fast, Duration time, HeapGiveBack giveBack) throws InterruptedException {
		long grown = allocate(fast, time);
		// quiet: until the young generation is back under half of what it grew to
		if (fast) {
			awaitOrPastDeadline(() -> young() <= grown / 2, time, HeapBurst::printYoung);
		}
		giveBack.close();
		printYoung();
		printBounds();
	}

	/**
	 * Runs this class in a JVM of its own, with the collector and heap bounds
	 * {@code ./hub} gives every service, returning what it printed.
	 */
	static List<String> run(String mode, int seconds, String shrinkInSteps, long initialDelayMillis) throws Exception {
		return run(mode, seconds, shrinkInSteps, initialDelayMillis, 500);
	}

	/** As {@link #run(String, int, String, long)}, the give-back looking every period. */
	static List<String> run(String mode, int seconds, String shrinkInSteps, long initialDelayMillis, long periodMillis)
			throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:NewRatio=3", "-Xms24m", "-Xmx256m",
				shrinkInSteps, "-cp", System.getProperty("java.class.path"), HeapBurst.class.getName(), mode,
				String.valueOf(seconds), String.valueOf(initialDelayMillis), String.valueOf(periodMillis))
			.redirectErrorStream(true)
			.start();
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lines.add(line);
			}
		}
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("the burst's JVM exited cleanly: %s", lines).isZero();
		return lines;
	}

	private static void printBounds() {
		HotSpotDiagnosticMXBean flags = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
		System.out.println("bounds " + flags.getVMOption("MinHeapFreeRatio").getValue() + " "
				+ flags.getVMOption("MaxHeapFreeRatio").getValue());
	}

	/**
	 * Short-lived 1 KB arrays for the time given, the last 256 of them kept: as fast as
	 * it can (hundreds of MB a second), or 20 MB a second. The committed young generation
	 * and the young collections so far are printed every 100 ms; returns the largest
	 * young generation it saw.
	 */
	private static long allocate(boolean fast, Duration time) throws InterruptedException {
		long largest = 0;
		byte[][] inFlight = new byte[256][];
		long end = System.nanoTime() + time.toNanos();
		long nextPrint = 0;
		int i = 0;
		while (System.nanoTime() < end) {
			if (fast) {
				for (int k = 0; k < 10_000; k++) {
					inFlight[i++ & 255] = new byte[1024];
				}
			}
			else {
				for (int k = 0; k < 2048; k++) { // 2 MB every 100 ms
					inFlight[i++ & 255] = new byte[1024];
				}
				Thread.sleep(100); // the pace of a gentle load, not a wait for something
			}
			if (System.nanoTime() >= nextPrint) {
				largest = Math.max(largest, printYoung());
				nextPrint = System.nanoTime() + 100_000_000L;
			}
		}
		System.out.println("allocated " + i);
		return largest;
	}

	private static long printYoung() {
		long young = young();
		long collections = ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.filter((collector) -> collector.getName().equals("Copy"))
			.mapToLong(GarbageCollectorMXBean::getCollectionCount)
			.sum();
		System.out.println("young " + young + " " + collections + " " + millis());
		return young;
	}

	/** The committed young generation: eden and both survivor spaces. */
	private static long young() {
		long young = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getName().equals("Eden Space")) {
				young += pool.getUsage().getCommitted();
			}
			else if (pool.getName().equals("Survivor Space")) {
				young += 2 * pool.getUsage().getCommitted();
			}
		}
		return young;
	}

	/** Until the condition holds or the deadline passes, printing as it goes. */
	private static void awaitOrPastDeadline(BooleanSupplier condition, Duration deadline, Runnable print)
			throws InterruptedException {
		long end = System.nanoTime() + deadline.toNanos();
		while (!condition.getAsBoolean() && System.nanoTime() < end) {
			Thread.sleep(100);
			print.run();
		}
	}

	private static void printCommitted() {
		long committed = committed();
		System.out.println("committed " + committed + " " + millis());
	}

	private static long millis() {
		return Duration.ofNanos(System.nanoTime() - started).toMillis();
	}

	private static long committed() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
	}

	private static void spin() {
		long x = 1;
		while (true) {
			x = x * 6364136223846793005L + 1442695040888963407L;
			if (x == 42) {
				System.out.println(x);
			}
		}
	}

}
