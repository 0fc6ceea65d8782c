package hub.ameen.auth.session;

import java.time.Instant;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.WriteTxn;

import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Publishes, through the outbox and in the transaction of the change, that a login ended
 * ({@code session.revoked} on {@code hub.auth.session.v1}) and that a password changed
 * ({@code credential.changed} on {@code hub.auth.credential.v1}); both keyed by user id.
 */
@Component
public class SessionEvents {

	public static final String SESSION_TOPIC = Topics.name("auth", "session", 1);

	public static final String CREDENTIAL_TOPIC = Topics.name("auth", "credential", 1);

	public static final String SESSION_REVOKED = "session.revoked";

	public static final String CREDENTIAL_CHANGED = "credential.changed";

	private final Outbox outbox;

	public SessionEvents(Outbox outbox) {
		this.outbox = outbox;
	}

	@Bean
	static KafkaAdmin.NewTopics authTopics() {
		return Topics.declare(SESSION_TOPIC, CREDENTIAL_TOPIC);
	}

	/**
	 * A login ended: the access tokens of that session stop working everywhere.
	 * @param txn the transaction that revokes it
	 * @param userId whose login
	 * @param sessionId the login (the {@code sid} claim of its access tokens)
	 * @param reason {@code logout} or {@code reuse} (a spent refresh token came back)
	 * @param at when
	 */
	public void sessionRevoked(WriteTxn txn, String userId, String sessionId, String reason, Instant at) {
		this.outbox.append(txn, SESSION_TOPIC, EventEnvelope.of(SESSION_REVOKED, 1, userId, userId,
				new SessionRevoked(userId, sessionId, reason, at)));
	}

	/**
	 * A password changed: every access token of the user issued before stops working.
	 * @param txn the transaction that sets the new password
	 * @param userId whose password
	 * @param reason {@code changed} (by its owner) or {@code reset} (by an administrator)
	 * @param actorId who changed it
	 * @param at when; tokens issued before this instant are refused
	 */
	public void credentialChanged(WriteTxn txn, String userId, String reason, String actorId, Instant at) {
		this.outbox.append(txn, CREDENTIAL_TOPIC,
				EventEnvelope.of(CREDENTIAL_CHANGED, 1, userId, actorId, new CredentialChanged(userId, reason, at)));
	}

	/** The payload of {@code session.revoked}. */
	record SessionRevoked(String userId, String sessionId, String reason, Instant revokedAt) {
	}

	/** The payload of {@code credential.changed}; never the password or its hash. */
	record CredentialChanged(String userId, String reason, Instant changedAt) {
	}

}
