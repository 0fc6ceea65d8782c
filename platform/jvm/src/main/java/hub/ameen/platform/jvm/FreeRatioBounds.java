package hub.ameen.platform.jvm;

import java.util.Optional;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * The heap's free-ratio bounds ({@code MinHeapFreeRatio}, {@code MaxHeapFreeRatio}: both
 * manageable flags), which a full collection sizes the heap by: set for one collection
 * and restored after it.
 *
 * @param min the minimum free ratio, in percent
 * @param max the maximum free ratio, in percent
 */
record FreeRatioBounds(int min, int max) {

	/** The bounds the JVM has now, if it tells. */
	static Optional<FreeRatioBounds> of(HotSpotDiagnosticMXBean flags) {
		try {
			return Optional.ofNullable(flags)
				.map((bean) -> new FreeRatioBounds(Integer.parseInt(bean.getVMOption("MinHeapFreeRatio").getValue()),
						Integer.parseInt(bean.getVMOption("MaxHeapFreeRatio").getValue())));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Sets these bounds, returning what puts back the ones before; each must stay within
	 * the other, so the order of the two flags follows the way they move.
	 */
	Runnable apply(HotSpotDiagnosticMXBean flags, FreeRatioBounds before) {
		set(flags, this, before);
		return () -> set(flags, before, this);
	}

	private static void set(HotSpotDiagnosticMXBean flags, FreeRatioBounds to, FreeRatioBounds from) {
		if (to.min > from.min) { // up: the maximum first
			flags.setVMOption("MaxHeapFreeRatio", String.valueOf(to.max));
			flags.setVMOption("MinHeapFreeRatio", String.valueOf(to.min));
		}
		else {
			flags.setVMOption("MinHeapFreeRatio", String.valueOf(to.min));
			flags.setVMOption("MaxHeapFreeRatio", String.valueOf(to.max));
		}
	}

}
