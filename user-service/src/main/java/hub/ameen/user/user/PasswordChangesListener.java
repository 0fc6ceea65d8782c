package hub.ameen.user.user;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import hub.ameen.platform.events.EventEnvelope;
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
 * Records on each user when auth-service last changed their password
 * ({@code credential.changed}), once per event.
 */
@Component
class PasswordChangesListener {

	/** auth-service's password changes, keyed by user id. */
	static final String CREDENTIALS_TOPIC = "hub.auth.credential.v1";

	static final String CREDENTIAL_CHANGED = "credential.changed";

	private final Inbox inbox;

	private final UserService users;

	private final JsonMapper json;

	PasswordChangesListener(Inbox inbox, UserService users, JsonMapper json) {
		this.inbox = inbox;
		this.users = users;
		this.json = json;
	}

	/** Declared here too, so that either service may start first on a fresh broker. */
	@Bean
	static KafkaAdmin.NewTopics authCredentialTopics() {
		return Topics.declare(CREDENTIALS_TOPIC);
	}

	@KafkaListener(id = "user-password-changes", groupId = "user-service", topics = CREDENTIALS_TOPIC)
	void on(ConsumerRecord<String, EventEnvelope> record) {
		this.inbox.process(record.value(), this::apply);
	}

	private void apply(WriteTxn txn, EventEnvelope event) {
		if (CREDENTIAL_CHANGED.equals(event.type())) {
			CredentialChanged changed = event.payloadAs(CredentialChanged.class, this.json);
			Instant at = (changed.changedAt() != null) ? changed.changedAt() : event.occurredAt();
			this.users.recordPasswordChange(txn, event.key(), at);
		}
	}

	/** The part of {@code credential.changed} this service reads. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CredentialChanged(String userId, Instant changedAt) {
	}

}
