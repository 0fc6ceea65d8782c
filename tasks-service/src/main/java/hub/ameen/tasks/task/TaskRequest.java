package hub.ameen.tasks.task;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A task as a client sends it; on PATCH, absent fields stay as they are.
 */
record TaskRequest(@Size(min = 1, max = 200) String title, @Size(max = 10_000) String description, Task.Status status,
		Task.Priority priority, @Size(max = 64) String assigneeId, Instant dueAt,
		@Size(max = 20) List<@NotBlank @Size(max = 40) String> labels, @Valid RelatedRequest related) {

	/** The task this request creates, with the defaults for what it leaves out. */
	Task toTask(String id, String createdBy, Instant now) {
		return new Task(id, this.title, this.description, or(this.status, Task.Status.todo),
				or(this.priority, Task.Priority.medium), this.assigneeId, this.dueAt, this.labels, related(null),
				createdBy, now, now);
	}

	/** The task with this request's fields applied; absent ones stay. */
	Task applyTo(Task current, Instant now) {
		return new Task(current.id(), or(this.title, current.title()), or(this.description, current.description()),
				or(this.status, current.status()), or(this.priority, current.priority()),
				or(this.assigneeId, current.assigneeId()), or(this.dueAt, current.dueAt()),
				or(this.labels, current.labels()), related(current.related()), current.createdBy(), current.createdAt(),
				now);
	}

	private Task.Related related(Task.Related fallback) {
		return (this.related != null) ? this.related.toRelated() : fallback;
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	record RelatedRequest(@NotBlank @Size(max = 40) String type, @NotBlank @Size(max = 64) String id) {

		Task.Related toRelated() {
			return new Task.Related(this.type, this.id);
		}

	}

}
