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
 * Reads {@link Topics#CALENDAR_EVENT} into the activity feed: events scheduled and
 * changed.
 */
@Component
class CalendarEventTopicListener {

	private final EventHandlers handlers;

	CalendarEventTopicListener(Inbox inbox, JsonMapper json, ActivityFeed feed) {
		this.handlers = EventHandlers.through(inbox, json)
			.on("scheduler.event.created", Object.class, feed.entry())
			.on("scheduler.event.updated", Object.class, feed.entry());
	}

	@KafkaListener(topics = Topics.CALENDAR_EVENT)
	void on(EventEnvelope event) {
		this.handlers.handle(event);
	}

}
