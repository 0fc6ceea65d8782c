package hub.ameen.scheduler.digest;

import java.time.Clock;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventHandlers;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Topics#TASK_DIGEST}: each {@code digest.planned} sets the user's digest
 * timer, once per event id, in one transaction with it.
 */
@Component
class DigestTopicListener {

	private final EventHandlers handlers;

	DigestTopicListener(Inbox inbox, JsonMapper json, DailyDigests digests, Clock clock) {
		this.handlers = EventHandlers.through(inbox, json)
			.on("digest.planned", DigestPlan.class,
					(txn, event, plan) -> digests.plan(txn, withUser(plan, event), clock.instant()));
	}

	@KafkaListener(id = "scheduler-digests", idIsGroup = false, topics = Topics.TASK_DIGEST)
	void on(EventEnvelope event) {
		this.handlers.handle(event);
	}

	private static DigestPlan withUser(DigestPlan plan, EventEnvelope event) {
		return (plan.userId() != null) ? plan
				: new DigestPlan(event.key(), plan.time(), plan.timeZone(), plan.active(), null);
	}

}
