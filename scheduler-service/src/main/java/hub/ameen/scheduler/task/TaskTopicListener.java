package hub.ameen.scheduler.task;

import java.time.Clock;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventHandlers;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Topics#TASK} into {@link TaskDeadlines}, each event applied once (by event
 * id) in one transaction with its timers; other task events carry no deadline.
 */
@Component
class TaskTopicListener {

	private final EventHandlers handlers;

	TaskTopicListener(Inbox inbox, JsonMapper json, TaskDeadlines deadlines, Clock clock) {
		this.handlers = EventHandlers.through(inbox, json)
			.on("task.created", TaskChange.class, (txn, event, task) -> deadlines.changed(txn, task, clock.instant()))
			.on("task.updated", TaskChange.class, (txn, event, task) -> deadlines.changed(txn, task, clock.instant()))
			.on("task.deleted", TaskChange.class,
					(txn, event, task) -> deadlines.deleted(txn, event.key(), clock.instant()));
	}

	@KafkaListener(id = "scheduler-tasks", idIsGroup = false, topics = Topics.TASK)
	void on(EventEnvelope event) {
		this.handlers.handle(event);
	}

}
