package hub.ameen.notification.inbound;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import hub.ameen.notification.inbox.NotificationDraft;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventHandlers;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.NotificationTypes;
import hub.ameen.platform.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Topics#TASK_DEADLINE}: tells a task's assignee that it is due soon
 * ({@code scheduler.task.due-soon}) or overdue ({@code scheduler.task.overdue}), and the
 * recipients of a task's reminder ({@code scheduler.task.reminder}), once per event id.
 */
@Component
class TaskDeadlineTopicListener {

	private final EventHandlers handlers;

	TaskDeadlineTopicListener(Inbox inbox, Notifier notifier, JsonMapper json) {
		this.handlers = EventHandlers.through(inbox, json)
			.on("scheduler.task.due-soon", TaskDeadline.class,
					(txn, event, task) -> notifier.notify(txn, task.draft(event, false), task.to()))
			.on("scheduler.task.overdue", TaskDeadline.class,
					(txn, event, task) -> notifier.notify(txn, task.draft(event, true), task.to()))
			.on("scheduler.task.reminder", TaskReminder.class,
					(txn, event, reminder) -> notifier.notify(txn, reminder.draft(event), reminder.to()));
	}

	/**
	 * The part of {@code scheduler.task.reminder} this service reads.
	 *
	 * @param taskId the task
	 * @param title its title
	 * @param dueAt when the task is due
	 * @param remindAt when the reminder came due
	 * @param firedAt when the scheduler fired it
	 * @param recipients who should hear of it
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record TaskReminder(String taskId, String title, Instant dueAt, Instant remindAt, Instant firedAt,
			List<String> recipients) {

		TaskReminder {
			if (taskId == null || taskId.isBlank() || dueAt == null) {
				throw new IllegalArgumentException("a task reminder needs a taskId and a dueAt");
			}
		}

		NotificationDraft draft(EventEnvelope event) {
			Instant fired = (this.firedAt != null) ? this.firedAt : event.occurredAt();
			String name = (this.title == null || this.title.isBlank()) ? "A task" : this.title;
			return new NotificationDraft(NotificationTypes.TASK_REMINDER, "Reminder: " + name,
					"Due " + Durations.relative(fired, this.dueAt), "/tasks/" + this.taskId, event.id(),
					(this.remindAt != null) ? this.remindAt : fired);
		}

		List<String> to() {
			return (this.recipients != null) ? this.recipients : List.of();
		}

	}

	/**
	 * The part of both task deadline events this service reads.
	 *
	 * @param taskId the task
	 * @param title its title
	 * @param assigneeId who it is assigned to, or null
	 * @param dueAt when it is due
	 * @param firedAt when the scheduler fired the event
	 * @param recipients who should hear of it (the assignee), or null for just
	 * {@code assigneeId}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record TaskDeadline(String taskId, String title, String assigneeId, Instant dueAt, Instant firedAt,
			List<String> recipients) {

		TaskDeadline {
			if (taskId == null || taskId.isBlank() || dueAt == null) {
				throw new IllegalArgumentException("a task deadline needs a taskId and a dueAt");
			}
		}

		NotificationDraft draft(EventEnvelope event, boolean overdue) {
			Instant fired = (this.firedAt != null) ? this.firedAt : event.occurredAt();
			String name = (this.title == null || this.title.isBlank()) ? "A task" : this.title;
			String when = Durations.relative(fired, this.dueAt);
			String link = "/tasks/" + this.taskId;
			return overdue
					? new NotificationDraft(NotificationTypes.TASK_OVERDUE, "Overdue: " + name, "Was due " + when, link,
							event.id(), this.dueAt)
					: new NotificationDraft(NotificationTypes.TASK_DUE_SOON, "Due soon: " + name, "Due " + when, link,
							event.id(), fired);
		}

		List<String> to() {
			if (this.recipients != null) {
				return this.recipients;
			}
			return (this.assigneeId != null) ? List.of(this.assigneeId) : List.of();
		}

	}

	/**
	 * A batch at a time: task deadlines fall due together (a team's tasks due at the end
	 * of the day), and the batch's writes share the store's durable commits instead of
	 * one commit each.
	 */
	@KafkaListener(topics = Topics.TASK_DEADLINE, batch = "true")
	void on(List<ConsumerRecord<String, EventEnvelope>> records) {
		this.handlers.handleBatch(records);
	}

}
