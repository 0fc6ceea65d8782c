package hub.ameen.tasks.task;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One change to many tasks at once: all of them change, each announced, or none does.
 *
 * @param ids the tasks, at most 200
 * @param patch what to change in each
 */
record BulkTaskRequest(@NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 64) String> ids,
		@NotNull @Valid Patch patch) {

	/** The tasks named, each once, in order. */
	List<String> distinctIds() {
		return this.ids.stream().distinct().toList();
	}

	/**
	 * The fields a bulk change may set; absent ones stay. {@code assigneeId: ""}
	 * unassigns, {@code clearDueAt: true} clears the due time.
	 *
	 * @param status the new status
	 * @param assigneeId the new assignee
	 * @param labels the new labels, replacing the old
	 * @param dueAt the new due time
	 * @param clearDueAt whether to clear the due time
	 */
	record Patch(Task.Status status, @Size(max = 64) String assigneeId,
			@Size(max = 20) List<@NotBlank @Size(max = 40) String> labels, @DueTime Instant dueAt, Boolean clearDueAt) {

		PatchTaskRequest toPatch() {
			return new PatchTaskRequest(null, null, this.status, null, this.assigneeId, null, this.dueAt,
					this.clearDueAt, this.labels, null, null, null, null);
		}

	}

	/**
	 * What a bulk change answers.
	 *
	 * @param items the tasks as they are now, in the order asked
	 */
	record Result(List<Task> items) {
	}

}
