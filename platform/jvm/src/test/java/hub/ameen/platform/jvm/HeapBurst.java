package hub.ameen.platform.jvm;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * A JVM of its own for {@link HeapGiveBackTests}: grows its heap with a burst, lets it
 * all become garbage, then either goes quiet or keeps one core busy, printing its
 * committed heap as it goes, with the milliseconds since its give-back started.
 * Arguments: {@code quiet|busy}, how many seconds at most, the initial delay in
 * milliseconds.
 */
public final class HeapBurst {

	private static long started;

	private HeapBurst() {
	}

	public static void main(String[] args) throws Exception {
		boolean busy = "busy".equals(args[0]);
		Duration time = Duration.ofSeconds(Long.parseLong(args[1]));
		Duration initialDelay = Duration.ofMillis(Long.parseLong(args[2]));
		HeapGiveBack giveBack = new HeapGiveBack(Duration.ofMillis(500), 0.1, 8 << 20, initialDelay);
		started = System.nanoTime();
		giveBack.start();
		// a burst: 1 MB arrays kept long enough to be promoted, then dropped
		List<byte[]> kept = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			kept.add(new byte[1 << 20]);
		}
		long peak = committed();
		System.out.println("peak " + peak + " " + kept.size());
		kept = null;
		if (busy) {
			Thread spinner = new Thread(HeapBurst::spin, "spinner");
			spinner.setDaemon(true);
			spinner.start();
			// kept for all of the time: a look every 0.5 s must leave the heap alone
			awaitOrPastDeadline(() -> false, time);
		}
		else {
			awaitOrPastDeadline(() -> committed() < peak / 3, time);
		}
		giveBack.close(); // a give-back under way ends first
		printCommitted();
		HotSpotDiagnosticMXBean flags = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
		System.out.println("bounds " + flags.getVMOption("MinHeapFreeRatio").getValue() + " "
				+ flags.getVMOption("MaxHeapFreeRatio").getValue());
	}

	/** Until the condition holds or the deadline passes, printing the committed heap. */
	private static void awaitOrPastDeadline(BooleanSupplier condition, Duration deadline) throws InterruptedException {
		long end = System.nanoTime() + deadline.toNanos();
		while (!condition.getAsBoolean() && System.nanoTime() < end) {
			Thread.sleep(100);
			printCommitted();
		}
	}

	private static void printCommitted() {
		long committed = committed();
		System.out.println("committed " + committed + " " + Duration.ofNanos(System.nanoTime() - started).toMillis());
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
