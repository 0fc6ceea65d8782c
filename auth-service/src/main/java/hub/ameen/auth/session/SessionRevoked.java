package hub.ameen.auth.session;

import java.time.Instant;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * The payload of {@code session.revoked} on {@code hub.auth.session.v1}, keyed by user
 * id: a login ended, so the access tokens of that session stop working everywhere.
 *
 * @param userId whose login
 * @param sessionId the login (the {@code sid} claim of its access tokens)
 * @param reason {@code logout} or {@code reuse} (a spent refresh token came back)
 * @param revokedAt when
 */
public record SessionRevoked(String userId, String sessionId, String reason, Instant revokedAt) {

	public static final EventType<SessionRevoked> REVOKED = EventType.named("session.revoked").on(Topics.SESSION);

}
