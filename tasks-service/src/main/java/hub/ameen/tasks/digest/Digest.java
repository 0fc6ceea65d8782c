package hub.ameen.tasks.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * The payload of {@code digest.compiled}: a user's open tasks that are overdue or due
 * later today at their digest time, at most {@link #LISTED} of each, soonest due first.
 * Announced every day a digest comes due, also when both lists are empty, so that
 * notification-service can deliver what it held for the digest; it tells nobody of an
 * empty one.
 *
 * @param userId the user
 * @param day their local day
 * @param timeZone their zone
 * @param dueAt when the digest was due
 * @param overdue open tasks due before {@code dueAt}
 * @param today open tasks due from {@code dueAt} to the end of the day
 * @param overdueCount how many are overdue in all
 * @param todayCount how many are due later today in all
 */
record Digest(String userId, LocalDate day, String timeZone, Instant dueAt, List<Item> overdue, List<Item> today,
		int overdueCount, int todayCount) {

	static final int LISTED = 20;

	static final EventType<Digest> COMPILED = EventType.named("digest.compiled").on(Topics.TASK_DIGEST);

	/**
	 * One task in a digest.
	 *
	 * @param id the task
	 * @param title its title
	 * @param dueAt when it is due
	 */
	record Item(String id, String title, Instant dueAt) {
	}

}
