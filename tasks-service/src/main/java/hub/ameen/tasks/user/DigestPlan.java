package hub.ameen.tasks.user;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * When a user's daily digest goes out, as tasks-service works it out from user-service's
 * events (the user's own digest time, else the organisation's; the user's zone, else the
 * organisation's): the payload of {@code digest.planned}, which the scheduler keeps a
 * daily timer for.
 *
 * @param userId the user
 * @param time the local time, {@code HH:mm}
 * @param timeZone the zone id the time is in
 * @param active false when the user gets no digest any more (disabled or deleted)
 */
public record DigestPlan(String userId, String time, String timeZone, boolean active) {

	public static final EventType<DigestPlan> PLANNED = EventType.named("digest.planned").on(Topics.TASK_DIGEST);

	static DigestPlan none(String userId) {
		return new DigestPlan(userId, null, null, false);
	}

}
