package hub.ameen.scheduler.calendar;

import java.time.Instant;

/**
 * The instants the API accepts: an event starts from 1970 up to (not including) 2200;
 * every other instant a request carries (exdates, the occurrence of a scoped edit, the
 * window of an occurrences query) lies in 1900 up to (not including) 2300. Beyond them
 * the arithmetic of times and of recurrence expansion would overflow.
 */
final class TimeBounds {

	static final Instant EARLIEST_START = Instant.parse("1970-01-01T00:00:00Z");

	static final Instant LATEST_START = Instant.parse("2200-01-01T00:00:00Z");

	static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

	static final Instant LATEST = Instant.parse("2300-01-01T00:00:00Z");

	static final String RANGE = "must be between 1900 and 2300";

	private TimeBounds() {
	}

	/** Whether an event may start at the instant. */
	static boolean startWithin(Instant instant) {
		return !instant.isBefore(EARLIEST_START) && instant.isBefore(LATEST_START);
	}

	/** Whether a request may carry the instant. */
	static boolean within(Instant instant) {
		return !instant.isBefore(EARLIEST) && instant.isBefore(LATEST);
	}

}
