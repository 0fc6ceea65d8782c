package hub.ameen.tasks.task;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new task as a client sends it; what it leaves out takes the defaults.
 */
record CreateTaskRequest(@NotBlank @Size(max = 200) String title, @Size(max = 10_000) String description,
		Task.Status status, Task.Priority priority, @Size(max = 64) String assigneeId, Instant dueAt,
		@Size(max = 20) List<@NotBlank @Size(max = 40) String> labels, @Valid RelatedRequest related) {

	/**
	 * The task this request creates: to do, of medium priority, unless it says otherwise.
	 */
	Task toTask(String id, String createdBy, Instant now) {
		return new Task(id, this.title, this.description, (this.status != null) ? this.status : Task.Status.todo,
				(this.priority != null) ? this.priority : Task.Priority.medium, this.assigneeId, this.dueAt,
				this.labels, (this.related != null) ? this.related.toRelated() : null, createdBy, now, now);
	}

	/**
	 * What a task is about, as a client sends it.
	 *
	 * @param type e.g. {@code contact}
	 * @param id that record's id
	 */
	record RelatedRequest(@NotBlank @Size(max = 40) String type, @NotBlank @Size(max = 64) String id) {

		Task.Related toRelated() {
			return new Task.Related(this.type, this.id);
		}

	}

}
