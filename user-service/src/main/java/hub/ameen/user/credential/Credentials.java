package hub.ameen.user.credential;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code credential.set} on {@code hub.users.credential.v1} with the password's
 * hash, in the transaction that creates the user.
 */
@Component
public class Credentials {

	public static final String TOPIC = Topics.name("users", "credential", 1);

	public static final String SET = "credential.set";

	/**
	 * The event's payload: never the password itself.
	 */
	public record CredentialSet(String userId, String passwordHash) {

		@Override
		public String toString() {
			return "CredentialSet[userId=" + this.userId + ", passwordHash=***]";
		}

	}

	private final Outbox outbox;

	private final PasswordEncoder encoder;

	private final JsonMapper json;

	Credentials(Outbox outbox, PasswordEncoder encoder, JsonMapper json) {
		this.outbox = outbox;
		this.encoder = encoder;
		this.json = json;
	}

	/**
	 * Hashes the password: slow on purpose, so call it off the event loop and before the
	 * write.
	 */
	public CredentialSet hash(String userId, String password) {
		return new CredentialSet(userId, this.encoder.encode(password));
	}

	public void publish(WriteTxn txn, CredentialSet credential, String actorId) {
		this.outbox.append(txn, TOPIC, EventEnvelope.of(SET, 1, credential.userId(), actorId, credential, this.json));
	}

}
