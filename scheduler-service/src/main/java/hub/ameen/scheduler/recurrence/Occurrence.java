package hub.ameen.scheduler.recurrence;

import java.time.Instant;

/**
 * One occurrence of an event.
 *
 * @param start when it starts
 * @param end when it ends, after the start
 */
public record Occurrence(Instant start, Instant end) {

	public boolean overlaps(Instant from, Instant to) {
		return this.start.isBefore(to) && this.end.isAfter(from);
	}

}
