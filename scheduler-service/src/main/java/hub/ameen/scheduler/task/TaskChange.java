package hub.ameen.scheduler.task;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The payload of {@code task.created}, {@code task.updated} and {@code task.deleted} on
 * {@code hub.tasks.task.v1}, as the scheduler reads it (other fields are ignored).
 *
 * @param id the task's id
 * @param title its title
 * @param assigneeId who it is assigned to, or null
 * @param dueAt its due time, or null
 * @param status {@code todo}, {@code in_progress}, {@code blocked} or {@code done}
 * @param reminders when before {@code dueAt} to remind, or null for none
 * @param createdBy who created it, reminded when nobody is assigned
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record TaskChange(String id, String title, String assigneeId, Instant dueAt, String status,
		List<ReminderSetting> reminders, String createdBy) {

	TaskChange {
		reminders = (reminders != null) ? List.copyOf(reminders) : List.of();
	}

	TaskChange(String id, String title, String assigneeId, Instant dueAt, String status) {
		this(id, title, assigneeId, dueAt, status, List.of(), null);
	}

	/** The distinct reminder offsets, in minutes. */
	List<Integer> minutesBefore() {
		return this.reminders.stream().map(ReminderSetting::minutesBefore).distinct().sorted().toList();
	}

	/**
	 * One reminder of a task.
	 *
	 * @param minutesBefore how long before the due time
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ReminderSetting(int minutesBefore) {
	}

}
