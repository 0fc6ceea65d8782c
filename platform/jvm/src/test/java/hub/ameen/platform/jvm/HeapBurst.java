package hub.ameen.platform.jvm;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * A JVM of its own for {@link HeapGiveBackTests}: grows its heap with a burst, lets it
 * all become garbage, then either goes quiet or keeps one core busy, printing its
 * committed heap as it goes.
 */
public final class HeapBurst {

	private HeapBurst() {
	}

	public static void main(String[] args) throws Exception {
		boolean busy = "busy".equals(args[0]);
		long seconds = Long.parseLong(args[1]);
		HeapGiveBack giveBack = new HeapGiveBack(Duration.ofMillis(500), 0.1, 8 << 20);
		giveBack.start();
		Thread.sleep(800); // past its first look, which only notes the heap
		// a burst: 1 MB arrays kept long enough to be promoted, then dropped
		List<byte[]> kept = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			kept.add(new byte[1 << 20]);
		}
		System.out.println("peak " + committed() + " " + kept.size());
		kept = null;
		if (busy) {
			Thread spinner = new Thread(HeapBurst::spin, "spinner");
			spinner.setDaemon(true);
			spinner.start();
		}
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		while (System.nanoTime() < end) {
			Thread.sleep(200);
			System.out.println("committed " + committed());
		}
		HotSpotDiagnosticMXBean flags = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
		System.out.println("bounds " + flags.getVMOption("MinHeapFreeRatio").getValue() + " "
				+ flags.getVMOption("MaxHeapFreeRatio").getValue());
		giveBack.close();
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
