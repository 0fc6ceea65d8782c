package hub.ameen.notification.preference;

import java.time.Instant;
import java.util.Set;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * The types a user muted ({@code PUT /api/notifications/preferences}), announced on
 * {@link Topics#NOTIFICATION_INBOX} so that every instance keeps them; of two changes the
 * later one wins wherever they arrive in either order.
 *
 * @param userId whose preferences
 * @param muted the complete set of muted types
 * @param at when the user set them
 */
public record MutedTypes(String userId, Set<String> muted, Instant at) {

	public static final EventType<MutedTypes> CHANGED = EventType.named("notification.muted")
		.on(Topics.NOTIFICATION_INBOX);

}
