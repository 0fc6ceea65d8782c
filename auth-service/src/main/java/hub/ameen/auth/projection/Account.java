package hub.ameen.auth.projection;

import java.time.Instant;
import java.util.List;

/**
 * A user as auth-service knows them.
 *
 * @param id the user id
 * @param email the email they log in with, or {@code null} while another user holds it
 * @param status {@code active} or {@code disabled}
 * @param roles the names of their roles
 * @param sessionsNotBefore logins before this instant no longer refresh (set when the
 * user is disabled or their password changes)
 */
public record Account(String id, String email, String status, List<String> roles, Instant sessionsNotBefore) {

	/** The status of a user who may log in. */
	public static final String ACTIVE = "active";

	public Account {
		roles = (roles != null) ? List.copyOf(roles) : List.of();
	}

	/**
	 * Whether the user may log in and refresh.
	 * @return {@code true} for an active user
	 */
	public boolean isActive() {
		return ACTIVE.equalsIgnoreCase(this.status);
	}

	/**
	 * Whether a login made at the given time may still refresh.
	 * @param loginAt when the login happened
	 * @return {@code false} once the user's sessions were revoked after it
	 */
	public boolean acceptsLoginAt(Instant loginAt) {
		return this.sessionsNotBefore == null || !loginAt.isBefore(this.sessionsNotBefore);
	}

	Account withEmail(String newEmail) {
		return new Account(this.id, newEmail, this.status, this.roles, this.sessionsNotBefore);
	}

	Account revokeSessions(Instant now) {
		return new Account(this.id, this.email, this.status, this.roles, now);
	}

}
