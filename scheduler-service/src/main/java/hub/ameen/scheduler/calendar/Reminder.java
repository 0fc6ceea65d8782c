package hub.ameen.scheduler.calendar;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A reminder of each occurrence of an event.
 *
 * @param minutesBefore how long before the start, 0 to 40320 (four weeks)
 */
public record Reminder(@NotNull(message = Reminder.RANGE) @Min(value = 0, message = Reminder.RANGE) @Max(
		value = Limits.MAX_MINUTES_BEFORE, message = Reminder.RANGE) Integer minutesBefore) {

	static final String RANGE = "must be between 0 and " + Limits.MAX_MINUTES_BEFORE;

}
