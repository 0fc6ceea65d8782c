package hub.ameen.notification.inbound;

import hub.ameen.notification.feed.ActivityFeed;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventHandlers;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Topics#COMPANY} into the activity feed: companies created and changed.
 */
@Component
class CompanyTopicListener {

	private final EventHandlers handlers;

	CompanyTopicListener(Inbox inbox, JsonMapper json, ActivityFeed feed) {
		this.handlers = EventHandlers.through(inbox, json)
			.on("company.created", Object.class, feed.entry())
			.on("company.updated", Object.class, feed.entry());
	}

	@KafkaListener(topics = Topics.COMPANY)
	void on(EventEnvelope event) {
		this.handlers.handle(event);
	}

}
