package hub.ameen.tasks.task;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A change to a task: the fields it names replace the task's, absent ones stay.
 */
record PatchTaskRequest(
		@Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
		@Size(max = 10_000) String description, Task.Status status, Task.Priority priority,
		@Size(max = 64) String assigneeId, Instant dueAt, @Size(max = 20) List<@NotBlank @Size(max = 40) String> labels,
		@Valid CreateTaskRequest.RelatedRequest related) {

	/** The task with this request's fields applied; absent ones stay. */
	Task applyTo(Task current, Instant now) {
		return new Task(current.id(), or(this.title, current.title()), or(this.description, current.description()),
				or(this.status, current.status()), or(this.priority, current.priority()),
				or(this.assigneeId, current.assigneeId()), or(this.dueAt, current.dueAt()),
				or(this.labels, current.labels()),
				(this.related != null) ? this.related.toRelated() : current.related(), current.createdBy(),
				current.createdAt(), now);
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
