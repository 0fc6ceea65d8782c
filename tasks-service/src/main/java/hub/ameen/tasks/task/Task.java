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
 * @param status todo, in_progress or done
 * @param priority low, medium, high or urgent
 * @param assigneeId who does it, may be null
 * @param dueAt when it is due, may be null
 * @param labels free labels
 * @param related what it is about, e.g. a CRM contact, may be null
 * @param createdBy who created it
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Task(String id, String title, String description, Status status, Priority priority, String assigneeId,
		Instant dueAt, List<String> labels, Related related, String createdBy, Instant createdAt, Instant updatedAt) {

	public static final EventType<Task> CREATED = EventType.named("task.created").on(Topics.TASK);

	public static final EventType<Task> UPDATED = EventType.named("task.updated").on(Topics.TASK);

	public static final EventType<Task> DELETED = EventType.named("task.deleted").on(Topics.TASK);

	public Task {
		labels = (labels != null) ? List.copyOf(labels) : List.of();
	}

	public enum Status {

		todo, in_progress, done

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

}
