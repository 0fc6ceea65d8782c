package hub.ameen.auth.projection;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.WriteTxn;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Applies user-service's user, role and credential events to the projection, once each
 * (through the inbox), in the order each aggregate's events were published.
 */
@Component
class ProjectionListener {

	/**
	 * Users, with status and roles, keyed by user id:
	 * {@code Topics.name("users", "user", 1)}.
	 */
	static final String USERS_TOPIC = "hub.users.user.v1";

	/** Roles, with their permissions, keyed by role name. */
	static final String ROLES_TOPIC = "hub.users.role.v1";

	/** Password hashes set through user-service, keyed by user id. */
	static final String CREDENTIALS_TOPIC = "hub.users.credential.v1";

	private static final Logger logger = LoggerFactory.getLogger(ProjectionListener.class);

	private final Accounts accounts;

	private final Inbox inbox;

	private final JsonMapper mapper;

	private final Clock clock;

	ProjectionListener(Accounts accounts, Inbox inbox, JsonMapper mapper, Clock clock) {
		this.accounts = accounts;
		this.inbox = inbox;
		this.mapper = mapper;
		this.clock = clock;
	}

	/** Declared here too, so that either service may start first on a fresh broker. */
	@Bean
	static KafkaAdmin.NewTopics userServiceTopics() {
		return Topics.declare(USERS_TOPIC, ROLES_TOPIC, CREDENTIALS_TOPIC);
	}

	@KafkaListener(id = "auth-projection", groupId = "auth-service",
			topics = { USERS_TOPIC, ROLES_TOPIC, CREDENTIALS_TOPIC })
	void on(ConsumerRecord<String, EventEnvelope> record) {
		// the record, not the envelope: Spring logs a converted payload at DEBUG, hashes
		// and all
		this.inbox.process(record.value(), this::apply);
	}

	private void apply(WriteTxn txn, EventEnvelope event) {
		switch (event.type()) {
			case "user.created", "user.updated", "user.disabled", "user.enabled", "user.roles-changed" -> {
				UserPayload user = event.payloadAs(UserPayload.class, this.mapper);
				this.accounts.putUser(txn, event.key(), user.email(), user.status(), user.roles(),
						this.clock.instant());
			}
			case "user.deleted" -> this.accounts.deleteUser(txn, event.key());
			case "role.created", "role.updated" -> {
				RolePayload role = event.payloadAs(RolePayload.class, this.mapper);
				this.accounts.putRole(txn, event.key(), role.permissions());
			}
			case "role.deleted" -> this.accounts.deleteRole(txn, event.key());
			case "credential.set" -> {
				CredentialPayload credential = event.payloadAs(CredentialPayload.class, this.mapper);
				if (credential.passwordHash() == null || credential.passwordHash().isBlank()) {
					throw new IllegalArgumentException("credential.set " + event.id() + " carries no password hash");
				}
				this.accounts.setPassword(txn, event.key(), credential.passwordHash(), this.clock.instant());
			}
			default -> logger.debug("Ignoring event {} of type {}", event.id(), event.type());
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record UserPayload(String id, String email, String status, List<String> roles) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record RolePayload(String name, List<String> permissions) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CredentialPayload(String userId, String passwordHash) {

		@Override
		public String toString() {
			return "CredentialPayload[userId=" + this.userId + ", passwordHash=***]";
		}

	}

}
