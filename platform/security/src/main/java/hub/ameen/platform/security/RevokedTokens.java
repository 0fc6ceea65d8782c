package hub.ameen.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Which access tokens no longer count, although signed and unexpired: every token of a
 * disabled or deleted user, a user's tokens issued before their password changed, and the
 * tokens of a login that ended. Fed by {@link RevocationFeed}; checked with each token by
 * two map lookups.
 * <p>
 * A token's issue time is its {@value #ISSUED_AT_MILLIS_CLAIM} claim (milliseconds), or,
 * in a token without it, its {@code iat} (whole seconds): such a token issued in the
 * second of a password change is refused, since it cannot tell whether it came first.
 */
public final class RevokedTokens implements OAuth2TokenValidator<Jwt> {

	/** The login (refresh-token family) a token belongs to. */
	public static final String SESSION_CLAIM = "sid";

	/** The issue time in milliseconds since the epoch ({@code iat} has seconds only). */
	public static final String ISSUED_AT_MILLIS_CLAIM = "iat_ms";

	/** Ended logins are forgotten this long after, when their tokens have expired. */
	private static final Duration SESSION_MEMORY = Duration.ofDays(1);

	private static final int PRUNE_EVERY = 1024;

	private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"The access token was revoked", null);

	private final Map<String, Subject> subjects = new ConcurrentHashMap<>();

	private final Map<String, Instant> sessions = new ConcurrentHashMap<>();

	private final AtomicInteger sessionsAdded = new AtomicInteger();

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		return refuses(token) ? OAuth2TokenValidatorResult.failure(REVOKED) : OAuth2TokenValidatorResult.success();
	}

	/**
	 * Whether a token is revoked.
	 * @param token a token whose signature and claims are valid
	 * @return {@code true} if its user is disabled or gone, its login ended, or it was
	 * issued before the user's "not before"
	 */
	public boolean refuses(Jwt token) {
		String sessionId = token.getClaimAsString(SESSION_CLAIM);
		if (sessionId != null && this.sessions.containsKey(sessionId)) {
			return true;
		}
		Subject subject = (token.getSubject() != null) ? this.subjects.get(token.getSubject()) : null;
		return subject != null && (subject.blocked() || issuedAt(token).isBefore(subject.notBefore()));
	}

	/**
	 * Refuses every token of a user, from now until {@link #unblock}; tokens issued
	 * before stay refused after.
	 * @param subject the user id
	 * @param at when the user was disabled or deleted
	 */
	void block(String subject, Instant at) {
		this.subjects.merge(subject, new Subject(at, true), (old, added) -> new Subject(later(old, at), true));
	}

	/**
	 * Accepts the user's tokens issued after their "not before" again.
	 * @param subject the user id
	 */
	void unblock(String subject) {
		this.subjects.computeIfPresent(subject, (key, old) -> new Subject(old.notBefore(), false));
	}

	/**
	 * Refuses the user's tokens issued before an instant.
	 * @param subject the user id
	 * @param at e.g. when the password changed
	 */
	void notBefore(String subject, Instant at) {
		this.subjects.merge(subject, new Subject(at, false),
				(old, added) -> new Subject(later(old, at), old.blocked()));
	}

	/**
	 * Refuses the tokens of one login.
	 * @param sessionId the {@code sid} of its tokens
	 * @param at when it ended
	 */
	void revokeSession(String sessionId, Instant at) {
		this.sessions.put(sessionId, at);
		if (this.sessionsAdded.incrementAndGet() % PRUNE_EVERY == 0) {
			Instant horizon = at.minus(SESSION_MEMORY);
			this.sessions.values().removeIf((revokedAt) -> revokedAt.isBefore(horizon));
		}
	}

	private static Instant issuedAt(Jwt token) {
		Object millis = token.getClaims().get(ISSUED_AT_MILLIS_CLAIM);
		if (millis instanceof Number number) {
			return Instant.ofEpochMilli(number.longValue());
		}
		return (token.getIssuedAt() != null) ? token.getIssuedAt() : Instant.EPOCH;
	}

	private static Instant later(Subject old, Instant at) {
		return at.isAfter(old.notBefore()) ? at : old.notBefore();
	}

	/**
	 * What is known of one user.
	 *
	 * @param notBefore tokens issued before this are refused
	 * @param blocked every token is refused (disabled or deleted)
	 */
	private record Subject(Instant notBefore, boolean blocked) {
	}

}
