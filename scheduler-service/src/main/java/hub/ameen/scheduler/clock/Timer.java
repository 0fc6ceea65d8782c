package hub.ameen.scheduler.clock;

import java.time.Instant;

/**
 * One durable timer. A slot (the id) holds at most one timer: scheduling a slot again
 * replaces its timer, so a recurring reminder keeps only its next occurrence's timer.
 *
 * @param id the slot, e.g. {@code <eventId>/reminder/15}
 * @param kind what fires, matched to a {@link TimerHandler}
 * @param ownerId the event or task the timer belongs to
 * @param dueAt when it fires
 * @param occurrenceStart the occurrence (or task due time) it is for
 * @param minutesBefore for a reminder, how long before the occurrence; otherwise null
 */
public record Timer(String id, String kind, String ownerId, Instant dueAt, Instant occurrenceStart,
		Integer minutesBefore) {

	TimerKey key() {
		return new TimerKey(this.dueAt.toEpochMilli(), this.id);
	}

}
