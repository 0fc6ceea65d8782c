package hub.ameen.scheduler.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the scheduler knows of a task: enough to fire its deadlines and reminders once
 * each.
 *
 * @param id the task's id
 * @param title its title
 * @param assigneeId who it is assigned to, or null
 * @param dueAt its due time, or null
 * @param status {@code todo}, {@code in_progress}, {@code blocked}, {@code done}, or
 * {@code deleted} once its deletion is seen
 * @param dueSoonFiredFor the due time a due-soon event was fired for, or null
 * @param overdueFiredFor the due time an overdue event was fired for, or null
 * @param updatedAt when the scheduler last saw it change
 * @param reminders its reminders, minutes before {@code dueAt}
 * @param remindersFired the reminders already fired for this {@code dueAt}
 * @param createdBy who created it
 */
record TrackedTask(String id, String title, String assigneeId, Instant dueAt, String status, Instant dueSoonFiredFor,
		Instant overdueFiredFor, Instant updatedAt, List<Integer> reminders, List<Integer> remindersFired,
		String createdBy) {

	static final String DONE = "done";

	static final String DELETED = "deleted";

	TrackedTask {
		reminders = (reminders != null) ? List.copyOf(reminders) : List.of();
		remindersFired = (remindersFired != null) ? List.copyOf(remindersFired) : List.of();
	}

	boolean isOpen() {
		return !DONE.equals(this.status) && !DELETED.equals(this.status);
	}

	TrackedTask firedDueSoon() {
		return new TrackedTask(this.id, this.title, this.assigneeId, this.dueAt, this.status, this.dueAt,
				this.overdueFiredFor, this.updatedAt, this.reminders, this.remindersFired, this.createdBy);
	}

	TrackedTask firedOverdue() {
		return new TrackedTask(this.id, this.title, this.assigneeId, this.dueAt, this.status, this.dueSoonFiredFor,
				this.dueAt, this.updatedAt, this.reminders, this.remindersFired, this.createdBy);
	}

	TrackedTask firedReminder(int minutesBefore) {
		List<Integer> fired = new ArrayList<>(this.remindersFired);
		fired.add(minutesBefore);
		return new TrackedTask(this.id, this.title, this.assigneeId, this.dueAt, this.status, this.dueSoonFiredFor,
				this.overdueFiredFor, this.updatedAt, this.reminders, fired, this.createdBy);
	}

	/** Who hears of its deadlines and reminders: the assignee, else its creator. */
	List<String> recipients() {
		if (this.assigneeId != null) {
			return List.of(this.assigneeId);
		}
		return (this.createdBy != null) ? List.of(this.createdBy) : List.of();
	}

}
