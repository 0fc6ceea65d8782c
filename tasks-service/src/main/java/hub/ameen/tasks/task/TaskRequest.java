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

	record RelatedRequest(@NotBlank @Size(max = 40) String type, @NotBlank @Size(max = 64) String id) {

		Task.Related toRelated() {
			return new Task.Related(this.type, this.id);
		}

	}

}
