package hub.ameen.user.directory;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventHandlers;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.WriteTxn;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Reads auth-service's {@code hub.auth.credential.v1} and records on each user when their
 * password last changed ({@code credential.changed}), once per event.
 */
@Component
class CredentialChangeTopicListener {

	private final UserService users;

	private final EventHandlers handlers;

	CredentialChangeTopicListener(Inbox inbox, UserService users, JsonMapper json) {
		this.users = users;
		this.handlers = EventHandlers.through(inbox, json)
			.on("credential.changed", CredentialChanged.class, this::record);
	}

	/** Declared here too, so that either service may start first on a fresh broker. */
	@Bean
	static KafkaAdmin.NewTopics authCredentialTopics() {
		return Topics.declare(Topics.CREDENTIAL_CHANGE);
	}

	@KafkaListener(id = "user-password-changes", groupId = "user-service", topics = Topics.CREDENTIAL_CHANGE)
	void on(ConsumerRecord<String, EventEnvelope> record) {
		this.handlers.handle(record.value());
	}

	private void record(WriteTxn txn, EventEnvelope event, CredentialChanged changed) {
		Instant at = (changed.changedAt() != null) ? changed.changedAt() : event.occurredAt();
		this.users.recordPasswordChange(txn, event.key(), at);
	}

	/** The part of {@code credential.changed} this service reads. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CredentialChanged(String userId, Instant changedAt) {
	}

}
