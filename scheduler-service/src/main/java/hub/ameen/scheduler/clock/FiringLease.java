package hub.ameen.scheduler.clock;

import java.util.List;

/**
 * Which timers this instance fires: those whose owner falls in a partition it holds (see
 * {@link ClockLease}). A lone instance that takes no part in a lease holds them all.
 */
public interface FiringLease {

	/** Holds every partition: one instance per store, as before the lease existed. */
	FiringLease ALL = new FiringLease() {

		@Override
		public boolean holds(String ownerId) {
			return true;
		}

		@Override
		public String instanceId() {
			return "1";
		}

		@Override
		public List<Integer> partitions() {
			return null;
		}

	};

	/** Whether this instance fires the timers of this event, task or user now. */
	boolean holds(String ownerId);

	/** The instance's stable id. */
	String instanceId();

	/** The partitions this instance fires, in order, or null when it fires them all. */
	List<Integer> partitions();

	/**
	 * The partition of a timer's owner: a stable hash ({@link String#hashCode()} is
	 * specified by the language), so every instance agrees.
	 */
	static int partitionOf(String ownerId, int partitions) {
		return Math.floorMod(ownerId.hashCode(), partitions);
	}

}
