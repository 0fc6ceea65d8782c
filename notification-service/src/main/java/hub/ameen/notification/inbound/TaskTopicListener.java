package hub.ameen.notification.inbound;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import hub.ameen.notification.feed.ActivityFeed;
import hub.ameen.notification.inbox.NotificationDraft;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventHandlers;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.NotificationTypes;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Topics#TASK}: tells a user when a task is assigned to them by someone else
 * ({@code task.created} or {@code task.updated} on {@code hub.tasks.task.v1}). Keeps each
 * task's assignee, so that an update notifies only when the assignee changed.
 */
@Component
class TaskTopicListener {

	private final EventHandlers handlers;

	private final Notifier notifier;

	private final Collection<String, String> assignees;

	TaskTopicListener(Inbox inbox, Notifier notifier, JsonMapper json, Store store, ActivityFeed feed) {
		this.notifier = notifier;
		this.assignees = store.collection("notifications.task-assignees", Codec.utf8(), Codec.utf8());
		this.handlers = EventHandlers.through(inbox, json)
			.on("task.created", TaskPayload.class, feed.alongside(this::assign))
			.on("task.updated", TaskPayload.class, feed.alongside(this::assign))
			.on("task.deleted", TaskPayload.class,
					feed.alongside((txn, event, task) -> this.assignees.delete(txn, event.key())));
	}

	/** The part of a task event this service reads. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record TaskPayload(String id, String title, String assigneeId) {
	}

	@KafkaListener(topics = Topics.TASK)
	void on(EventEnvelope event) {
		this.handlers.handle(event);
	}

	private void assign(WriteTxn txn, EventEnvelope event, TaskPayload task) {
		String taskId = (task.id() != null) ? task.id() : event.key();
		String previous = this.assignees.get(txn, taskId).orElse(null);
		if (task.assigneeId() == null) {
			this.assignees.delete(txn, taskId);
			return;
		}
		this.assignees.put(txn, taskId, task.assigneeId());
		if (!task.assigneeId().equals(previous) && !task.assigneeId().equals(event.actorId())) {
			String title = Objects.requireNonNullElse(task.title(), "A task");
			this.notifier.notify(txn, new NotificationDraft(NotificationTypes.TASK_ASSIGNED,
					"Assigned to you: " + title, "", "/tasks/" + taskId, event.id(), event.occurredAt()),
					List.of(task.assigneeId()));
		}
	}

}
