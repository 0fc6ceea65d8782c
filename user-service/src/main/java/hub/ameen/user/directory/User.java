package hub.ameen.user.directory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A person who signs in to the hub. The email is unique regardless of case.
 *
 * @param id opaque, time-ordered id
 * @param email the sign-in email as the user typed it
 * @param displayName how the hub shows the user
 * @param status active or disabled
 * @param roles names of the roles the user holds
 * @param timeZone an IANA zone id, e.g. {@code Asia/Riyadh}
 * @param locale a BCP 47 tag, e.g. {@code ar-SA}
 * @param digestTime when ({@code HH:mm}, in the user's zone) the user's daily task digest
 * goes out, or null to follow the organisation's default
 * @param notifications how each notification type reaches the user ({@code digest} or
 * {@code off}; a type not named is {@code live})
 * @param createdAt when the user was created
 * @param updatedAt when the user last changed
 * @param passwordChangedAt when the user's password last changed in auth-service (its
 * {@code credential.changed} event), or {@code null} (left out of the JSON) if never
 * since it was set
 */
public record User(String id, String email, String displayName, Status status, List<String> roles, String timeZone,
		String locale, String digestTime, Map<String, String> notifications, Instant createdAt, Instant updatedAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) Instant passwordChangedAt) {

	public enum Status {

		active, disabled

	}

	public User {
		roles = List.copyOf(roles);
		notifications = (notifications != null) ? Map.copyOf(notifications) : Map.of();
	}

	/**
	 * The user with a later password change recorded.
	 * @param at when the password changed
	 * @return the changed user, or this one if it knows a later change already
	 */
	User withPasswordChangedAt(Instant at) {
		boolean later = this.passwordChangedAt == null || at.isAfter(this.passwordChangedAt);
		return later ? new User(this.id, this.email, this.displayName, this.status, this.roles, this.timeZone,
				this.locale, this.digestTime, this.notifications, this.createdAt, this.updatedAt, at) : this;
	}

	/** The key of the unique email index: emails match regardless of case. */
	public String emailKey() {
		return emailKey(this.email);
	}

	static String emailKey(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

}
