package hub.ameen.scheduler.event;

/**
 * A reminder of each occurrence of an event.
 *
 * @param minutesBefore how long before the start, 0 to 40320 (four weeks)
 */
public record Reminder(Integer minutesBefore) {
}
