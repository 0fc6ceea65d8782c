package hub.ameen.tasks.task;

import java.time.Instant;
import java.util.List;

import hub.ameen.tasks.task.CreateTaskRequest.ChecklistItemRequest;
import hub.ameen.tasks.task.CreateTaskRequest.ReminderRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A change to a task: the fields it names replace the task's, absent ones stay. An empty
 * text ({@code ""}) clears {@code description}, {@code assigneeId} and
 * {@code recurrence}; {@code clearDueAt: true} clears the due time.
 */
record PatchTaskRequest(
		@Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
		@Size(max = 10_000) String description, Task.Status status, Task.Priority priority,
		@Size(max = 64) String assigneeId, @Size(max = 50) List<@NotBlank @Size(max = 64) String> watcherIds,
		@DueTime Instant dueAt, Boolean clearDueAt, @Size(max = 20) List<@NotBlank @Size(max = 40) String> labels,
		@Size(max = 100) List<@NotNull @Valid ChecklistItemRequest> checklist,
		@Valid CreateTaskRequest.RelatedRequest related, @Size(max = 500) String recurrence,
		@Size(max = 10) List<@NotNull @Valid ReminderRequest> reminders) {

	/** A change of the status only (a board move, a bulk change). */
	static PatchTaskRequest status(Task.Status status) {
		return new PatchTaskRequest(null, null, status, null, null, null, null, null, null, null, null, null, null);
	}

	/** The task with this request's fields applied; absent ones stay. */
	Task applyTo(Task current, Instant now) {
		Task changed = new Task(current.id(), or(this.title, current.title()),
				clearable(this.description, current.description()), current.status(),
				or(this.priority, current.priority()), clearable(this.assigneeId, current.assigneeId()),
				or(CreateTaskRequest.distinct(this.watcherIds), current.watcherIds()), dueAt(current),
				or(CreateTaskRequest.distinct(this.labels), current.labels()),
				or(CreateTaskRequest.ChecklistItemRequest.toItems(this.checklist), current.checklist()),
				(this.related != null) ? this.related.toRelated() : current.related(),
				(this.recurrence != null) ? CreateTaskRequest.blankToNull(this.recurrence) : current.recurrence(),
				or(CreateTaskRequest.ReminderRequest.toReminders(this.reminders), current.reminders()), current.rank(),
				current.createdBy(), current.createdAt(), now, current.completedAt());
		return changed.withStatus(or(this.status, current.status()), now);
	}

	private Instant dueAt(Task current) {
		if (Boolean.TRUE.equals(this.clearDueAt)) {
			return null;
		}
		return or(this.dueAt, current.dueAt());
	}

	private static String clearable(String value, String current) {
		if (value == null) {
			return current;
		}
		return value.isEmpty() ? null : value;
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
