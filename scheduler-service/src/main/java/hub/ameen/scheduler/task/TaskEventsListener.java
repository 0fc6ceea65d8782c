package hub.ameen.scheduler.task;

import java.time.Clock;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Inbox;
import hub.ameen.scheduler.config.SchedulerTopics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads task events, each applied once (by event id) in one transaction with its timers.
 */
@Component
class TaskEventsListener {

	private final Inbox inbox;

	private final TaskDeadlines deadlines;

	private final Clock clock;

	TaskEventsListener(Inbox inbox, TaskDeadlines deadlines, Clock clock) {
		this.inbox = inbox;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	@KafkaListener(id = "scheduler-tasks", idIsGroup = false, topics = SchedulerTopics.TASKS)
	void on(EventEnvelope event) {
		this.inbox.process(event, (txn, envelope) -> this.deadlines.apply(txn, envelope, this.clock.instant()));
	}

}
