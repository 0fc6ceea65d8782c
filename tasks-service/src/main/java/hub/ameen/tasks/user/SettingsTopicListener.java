package hub.ameen.tasks.user;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventHandlers;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Topics#SETTINGS}: keeps the organisation's default time zone and digest
 * time in the {@link UserDirectory}, once per event id, so that no request asks
 * user-service for them; the users who keep the default get their digest moved.
 */
@Component
class SettingsTopicListener {

	private final EventHandlers handlers;

	SettingsTopicListener(Inbox inbox, JsonMapper json, UserDirectory users, DigestPlans digests) {
		this.handlers = EventHandlers.through(inbox, json)
			.on("settings.updated", OrganisationDefaults.class, (txn, event, defaults) -> {
				users.keep(txn, defaults);
				digests.followAll(txn, event.actorId());
			});
	}

	@KafkaListener(topics = Topics.SETTINGS)
	void on(EventEnvelope event) {
		this.handlers.handle(event);
	}

}
