package hub.ameen.tasks.task;

import java.time.Instant;
import java.util.List;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * A piece of work, and the payload of its events on {@link Topics#TASK}: the task after
 * the change, or before it for {@link #DELETED}.
 *
 * @param id opaque, time-ordered id
 * @param title what to do
 * @param description more detail, may be null
 * @param status todo, in_progress, blocked or done
 * @param priority low, medium, high or urgent
 * @param assigneeId who does it, may be null
 * @param watcherIds who follows it (told of comments)
 * @param dueAt when it is due, may be null
 * @param labels free labels
 * @param checklist steps, each done or not
 * @param related what it is about, e.g. a CRM contact, may be null
 * @param recurrence an RRULE: completing the task creates its next occurrence; may be
 * null
 * @param reminders when, before {@code dueAt}, the scheduler reminds the assignee
 * @param rank its place on the board, compared as text (ties broken by id)
 * @param createdBy who created it
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param completedAt when it became done, null unless it is
 */
public record Task(String id, String title, String description, Status status, Priority priority, String assigneeId,
		List<String> watcherIds, Instant dueAt, List<String> labels, List<ChecklistItem> checklist, Related related,
		String recurrence, List<Reminder> reminders, String rank, String createdBy, Instant createdAt,
		Instant updatedAt, Instant completedAt) {

	public static final EventType<Task> CREATED = EventType.named("task.created").on(Topics.TASK);

	public static final EventType<Task> UPDATED = EventType.named("task.updated").on(Topics.TASK);

	public static final EventType<Task> DELETED = EventType.named("task.deleted").on(Topics.TASK);

	public Task {
		watcherIds = (watcherIds != null) ? List.copyOf(watcherIds) : List.of();
		labels = (labels != null) ? List.copyOf(labels) : List.of();
		checklist = (checklist != null) ? List.copyOf(checklist) : List.of();
		reminders = (reminders != null) ? List.copyOf(reminders) : List.of();
	}

	/** Whether the task still needs doing. */
	public boolean isOpen() {
		return this.status != Status.done;
	}

	/** The task in another status; becoming done stamps {@code completedAt}. */
	Task withStatus(Status next, Instant now) {
		Instant completed = (next != Status.done) ? null : (this.status == Status.done) ? this.completedAt : now;
		return new Task(this.id, this.title, this.description, next, this.priority, this.assigneeId, this.watcherIds,
				this.dueAt, this.labels, this.checklist, this.related, this.recurrence, this.reminders, this.rank,
				this.createdBy, this.createdAt, now, completed);
	}

	/** The task at another place on the board, in the given column. */
	Task movedTo(Status column, String newRank, Instant now) {
		Task moved = withStatus(column, now);
		return new Task(this.id, this.title, this.description, moved.status, this.priority, this.assigneeId,
				this.watcherIds, this.dueAt, this.labels, this.checklist, this.related, this.recurrence, this.reminders,
				newRank, this.createdBy, this.createdAt, now, moved.completedAt);
	}

	/** The task with nobody assigned. */
	Task unassigned(Instant now) {
		return new Task(this.id, this.title, this.description, this.status, this.priority, null, this.watcherIds,
				this.dueAt, this.labels, this.checklist, this.related, this.recurrence, this.reminders, this.rank,
				this.createdBy, this.createdAt, now, this.completedAt);
	}

	/** The task about another record. */
	Task relatedTo(Related other, Instant now) {
		return new Task(this.id, this.title, this.description, this.status, this.priority, this.assigneeId,
				this.watcherIds, this.dueAt, this.labels, this.checklist, other, this.recurrence, this.reminders,
				this.rank, this.createdBy, this.createdAt, now, this.completedAt);
	}

	public enum Status {

		todo, in_progress, blocked, done

	}

	public enum Priority {

		low, medium, high, urgent

	}

	/**
	 * A link to a record of another service.
	 *
	 * @param type e.g. {@code contact}, {@code deal}
	 * @param id that record's id
	 */
	public record Related(String type, String id) {
	}

	/**
	 * One step of a task.
	 *
	 * @param text what to do
	 * @param done whether it is done
	 */
	public record ChecklistItem(String text, boolean done) {
	}

	/**
	 * A reminder before the due time.
	 *
	 * @param minutesBefore how long before {@code dueAt}
	 */
	public record Reminder(int minutesBefore) {
	}

}
