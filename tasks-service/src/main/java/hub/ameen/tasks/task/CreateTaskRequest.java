package hub.ameen.tasks.task;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new task as a client sends it; what it leaves out takes the defaults.
 */
record CreateTaskRequest(@NotBlank @Size(max = 200) String title, @Size(max = 10_000) String description,
		Task.Status status, Task.Priority priority, @Size(max = 64) String assigneeId,
		@Size(max = 50) List<@NotBlank @Size(max = 64) String> watcherIds, @DueTime Instant dueAt,
		@Size(max = 20) List<@NotBlank @Size(max = 40) String> labels,
		@Size(max = 100) List<@NotNull @Valid ChecklistItemRequest> checklist, @Valid RelatedRequest related,
		@Size(max = 500) String recurrence, @Size(max = 10) List<@NotNull @Valid ReminderRequest> reminders) {

	/**
	 * The task this request creates: to do, of medium priority, unless it says otherwise;
	 * at the end of its board column.
	 */
	Task toTask(String id, String createdBy, Instant now) {
		Task.Status initial = (this.status != null) ? this.status : Task.Status.todo;
		return new Task(id, this.title, this.description, initial,
				(this.priority != null) ? this.priority : Task.Priority.medium, this.assigneeId,
				distinct(this.watcherIds), this.dueAt, distinct(this.labels),
				ChecklistItemRequest.toItems(this.checklist), (this.related != null) ? this.related.toRelated() : null,
				blankToNull(this.recurrence), ReminderRequest.toReminders(this.reminders), Ranks.initial(id), createdBy,
				now, now, (initial == Task.Status.done) ? now : null);
	}

	static <T> List<T> distinct(List<T> values) {
		return (values != null) ? values.stream().distinct().toList() : null;
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/**
	 * What a task is about, as a client sends it.
	 *
	 * @param type e.g. {@code contact}
	 * @param id that record's id
	 */
	record RelatedRequest(@NotBlank @Pattern(regexp = "contact|company|deal",
			message = "must be contact, company or deal") String type, @NotBlank @Size(max = 64) String id) {

		Task.Related toRelated() {
			return new Task.Related(this.type, this.id);
		}

	}

	/**
	 * One checklist step as a client sends it.
	 *
	 * @param text what to do
	 * @param done whether it is done (false when absent)
	 */
	record ChecklistItemRequest(@NotBlank @Size(max = 500) String text, Boolean done) {

		static List<Task.ChecklistItem> toItems(List<ChecklistItemRequest> items) {
			return (items != null) ? items.stream()
				.map((item) -> new Task.ChecklistItem(item.text(), Boolean.TRUE.equals(item.done())))
				.toList() : null;
		}

	}

	/**
	 * A reminder as a client sends it.
	 *
	 * @param minutesBefore 0 (at the due time) to 40,320 (four weeks)
	 */
	record ReminderRequest(@NotNull @Min(0) @Max(40_320) Integer minutesBefore) {

		static List<Task.Reminder> toReminders(List<ReminderRequest> reminders) {
			return (reminders != null)
					? reminders.stream().map(ReminderRequest::minutesBefore).distinct().map(Task.Reminder::new).toList()
					: null;
		}

	}

}
