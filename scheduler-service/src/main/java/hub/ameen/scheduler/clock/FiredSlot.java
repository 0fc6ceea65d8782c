package hub.ameen.scheduler.clock;

import java.time.Instant;

/**
 * One slot's occurrence that some instance fired, as read back from the event it
 * published.
 *
 * @param slotId the timer's slot, e.g. {@code <eventId>/reminder/15}
 * @param occurrenceStart the occurrence (or task due time) it fired for
 */
public record FiredSlot(String slotId, Instant occurrenceStart) {
}
