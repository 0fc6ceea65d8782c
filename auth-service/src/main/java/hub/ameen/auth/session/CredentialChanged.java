package hub.ameen.auth.session;

import java.time.Instant;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * The payload of {@code credential.changed} on {@code hub.auth.credential.v1}, keyed by
 * user id: a password changed, so every access token of the user issued before stops
 * working everywhere. Never the password or its hash.
 *
 * @param userId whose password
 * @param reason {@code changed} (by its owner) or {@code reset} (by an administrator)
 * @param changedAt when; tokens issued before this instant are refused
 */
public record CredentialChanged(String userId, String reason, Instant changedAt) {

	public static final EventType<CredentialChanged> CHANGED = EventType.named("credential.changed")
		.on(Topics.CREDENTIAL_CHANGE);

}
