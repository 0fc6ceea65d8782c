package hub.ameen.scheduler.task;

import java.time.Instant;

/**
 * What the scheduler knows of a task: enough to fire its deadlines once each.
 *
 * @param id the task's id
 * @param title its title
 * @param assigneeId who it is assigned to, or null
 * @param dueAt its due time, or null
 * @param status {@code todo}, {@code in_progress}, {@code done}, or {@code deleted} once
 * its deletion is seen
 * @param dueSoonFiredFor the due time a due-soon event was fired for, or null
 * @param overdueFiredFor the due time an overdue event was fired for, or null
 * @param updatedAt when the scheduler last saw it change
 */
record TrackedTask(String id, String title, String assigneeId, Instant dueAt, String status, Instant dueSoonFiredFor,
		Instant overdueFiredFor, Instant updatedAt) {

	static final String DONE = "done";

	static final String DELETED = "deleted";

	boolean isOpen() {
		return !DONE.equals(this.status) && !DELETED.equals(this.status);
	}

	TrackedTask firedDueSoon() {
		return new TrackedTask(this.id, this.title, this.assigneeId, this.dueAt, this.status, this.dueAt,
				this.overdueFiredFor, this.updatedAt);
	}

	TrackedTask firedOverdue() {
		return new TrackedTask(this.id, this.title, this.assigneeId, this.dueAt, this.status, this.dueSoonFiredFor,
				this.dueAt, this.updatedAt);
	}

}
