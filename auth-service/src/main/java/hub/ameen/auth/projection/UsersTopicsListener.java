package hub.ameen.auth.projection;

import java.time.Clock;
import java.util.List;

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
 * Reads user-service's three topics ({@code hub.users.user.v1},
 * {@code hub.users.role.v1}, {@code hub.users.credential.v1}) into the projection, once
 * each (through the inbox), in the order each aggregate's events were published.
 */
@Component
class UsersTopicsListener {

	private final Accounts accounts;

	private final Clock clock;

	private final EventHandlers handlers;

	UsersTopicsListener(Accounts accounts, Inbox inbox, JsonMapper mapper, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
		this.handlers = EventHandlers.through(inbox, mapper)
			.on("user.created", UserPayload.class, this::putUser)
			.on("user.updated", UserPayload.class, this::putUser)
			.on("user.disabled", UserPayload.class, this::putUser)
			.on("user.enabled", UserPayload.class, this::putUser)
			.on("user.roles-changed", UserPayload.class, this::putUser)
			.on("user.deleted", UserPayload.class, (txn, event, user) -> accounts.deleteUser(txn, event.key()))
			.on("role.created", RolePayload.class, this::putRole)
			.on("role.updated", RolePayload.class, this::putRole)
			.on("role.deleted", RolePayload.class, (txn, event, role) -> accounts.deleteRole(txn, event.key()))
			.on("credential.set", CredentialPayload.class, this::setPassword);
	}

	/** Declared here too, so that either service may start first on a fresh broker. */
	@Bean
	static KafkaAdmin.NewTopics userServiceTopics() {
		return Topics.declare(Topics.USER, Topics.ROLE, Topics.CREDENTIAL);
	}

	@KafkaListener(id = "auth-projection", groupId = "auth-service",
			topics = { Topics.USER, Topics.ROLE, Topics.CREDENTIAL })
	void on(ConsumerRecord<String, EventEnvelope> record) {
		// the record, not the envelope: Spring logs a converted payload at DEBUG, hashes
		// and all
		this.handlers.handle(record.value());
	}

	private void putUser(WriteTxn txn, EventEnvelope event, UserPayload user) {
		this.accounts.putUser(txn, event.key(), user.email(), user.status(), user.roles(), this.clock.instant());
	}

	private void putRole(WriteTxn txn, EventEnvelope event, RolePayload role) {
		this.accounts.putRole(txn, event.key(), role.permissions());
	}

	private void setPassword(WriteTxn txn, EventEnvelope event, CredentialPayload credential) {
		if (credential.passwordHash() == null || credential.passwordHash().isBlank()) {
			throw new IllegalArgumentException("credential.set " + event.id() + " carries no password hash");
		}
		this.accounts.setPassword(txn, event.key(), credential.passwordHash(), this.clock.instant());
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
