package hub.ameen.user.credential;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * The payload of {@code credential.set} on {@code hub.users.credential.v1}: an initial
 * password's hash, never the password itself.
 *
 * @param userId whose password, also the event key
 * @param passwordHash the hash, {@code {argon2}…}
 */
public record CredentialSet(String userId, String passwordHash) {

	public static final EventType<CredentialSet> SET = EventType.named("credential.set").on(Topics.CREDENTIAL);

	@Override
	public String toString() {
		return "CredentialSet[userId=" + this.userId + ", passwordHash=***]";
	}

}
