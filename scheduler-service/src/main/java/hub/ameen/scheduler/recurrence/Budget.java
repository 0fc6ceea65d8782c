package hub.ameen.scheduler.recurrence;

import java.time.Duration;

/**
 * How much expanding may cost: a number of instances visited and a deadline, checked at
 * each instance. One budget can be shared by the walks of one request, so a request's
 * expansion work is bounded as a whole. Not thread-safe: one request, one thread.
 */
public final class Budget {

	/** What one walk may visit when no request shares its budget. */
	public static final int DEFAULT_INSTANCES = 200_000;

	/** How long one walk may take when no request shares its budget. */
	public static final Duration DEFAULT_TIME = Duration.ofSeconds(5);

	private final long deadlineNanos;

	private final Duration time;

	private long instancesLeft;

	private Budget(long instances, Duration time) {
		this.instancesLeft = instances;
		this.time = time;
		this.deadlineNanos = System.nanoTime() + time.toNanos();
	}

	/**
	 * A budget that starts now.
	 * @param instances the most instances its walks visit together
	 * @param time how long from now its walks may take together
	 * @return the budget
	 */
	public static Budget of(long instances, Duration time) {
		return new Budget(instances, time);
	}

	/** The budget of one walk on its own. */
	public static Budget standard() {
		return of(DEFAULT_INSTANCES, DEFAULT_TIME);
	}

	/**
	 * Accounts for one visited instance.
	 * @throws ExpansionLimitException when the instances or the time are used up
	 */
	void spend() {
		if (--this.instancesLeft < 0) {
			throw new ExpansionLimitException("expanding the recurrence would visit too many occurrences");
		}
		checkTime();
	}

	/**
	 * Checks the deadline alone (after work the budget cannot count, such as a skip).
	 * @throws ExpansionLimitException when the time is used up
	 */
	void checkTime() {
		if (System.nanoTime() - this.deadlineNanos > 0) {
			throw new ExpansionLimitException(
					"expanding the recurrence would take longer than " + this.time.toMillis() + " ms");
		}
	}

	/**
	 * Expanding would cost more than the budget allows; nothing was changed. As a
	 * request's problem it answers 400 with this message.
	 */
	public static final class ExpansionLimitException extends IllegalArgumentException {

		ExpansionLimitException(String message) {
			super(message);
		}

	}

}
