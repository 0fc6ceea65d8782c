package hub.ameen.tasks.digest;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventHandlers;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Topics#TASK_DEADLINE}: each {@code scheduler.task.digest} compiles that
 * user's digest once (by event id); the scheduler's other events there are not for
 * tasks-service.
 */
@Component
class TaskDeadlineTopicListener {

	private final EventHandlers handlers;

	TaskDeadlineTopicListener(Inbox inbox, JsonMapper json, DailyDigest digest) {
		this.handlers = EventHandlers.through(inbox, json)
			.on("scheduler.task.digest", DigestDue.class, (txn, event, due) -> digest.compile(txn, due));
	}

	@KafkaListener(topics = Topics.TASK_DEADLINE)
	void on(EventEnvelope event) {
		this.handlers.handle(event);
	}

}
