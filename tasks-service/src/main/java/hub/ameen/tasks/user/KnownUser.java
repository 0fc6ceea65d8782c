package hub.ameen.tasks.user;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A user as tasks-service reads {@code user.*} on {@code hub.users.user.v1} (other fields
 * are ignored).
 *
 * @param id the user's id
 * @param email their email, by which comments mention them
 * @param status {@code active} or {@code disabled}
 * @param timeZone their zone id, or null
 * @param digestTime their own digest time ({@code HH:mm}), or null to follow the
 * organisation's
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KnownUser(String id, String email, String status, String timeZone, String digestTime) {

	/** Whether the user may be given work. */
	public boolean isActive() {
		return "active".equalsIgnoreCase(this.status);
	}

}
