package hub.ameen.user.directory;

import java.util.List;
import java.util.Map;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * What every {@code user.*} event on {@code hub.users.user.v1} carries: the user as it is
 * after the change (as it was, for {@code user.deleted}), without its timestamps.
 *
 * @param id the user's id, also the event key
 * @param email the sign-in email
 * @param displayName how the hub shows the user
 * @param status {@code active} or {@code disabled}
 * @param roles names of the roles the user holds
 * @param timeZone an IANA zone id
 * @param locale a BCP 47 tag
 * @param digestTime the user's own digest time ({@code HH:mm}), or null to follow the
 * organisation's default
 * @param notifications how each notification type reaches the user ({@code digest} or
 * {@code off}; a type not named is {@code live})
 */
public record UserPayload(String id, String email, String displayName, String status, List<String> roles,
		String timeZone, String locale, String digestTime, Map<String, String> notifications) {

	public static final EventType<UserPayload> CREATED = EventType.named("user.created").on(Topics.USER);

	public static final EventType<UserPayload> UPDATED = EventType.named("user.updated").on(Topics.USER);

	public static final EventType<UserPayload> DISABLED = EventType.named("user.disabled").on(Topics.USER);

	public static final EventType<UserPayload> ENABLED = EventType.named("user.enabled").on(Topics.USER);

	public static final EventType<UserPayload> DELETED = EventType.named("user.deleted").on(Topics.USER);

	public static final EventType<UserPayload> ROLES_CHANGED = EventType.named("user.roles-changed").on(Topics.USER);

	static UserPayload of(User user) {
		return new UserPayload(user.id(), user.email(), user.displayName(), user.status().name(), user.roles(),
				user.timeZone(), user.locale(), user.digestTime(), user.notifications());
	}

}
