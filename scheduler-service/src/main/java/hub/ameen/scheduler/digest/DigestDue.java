package hub.ameen.scheduler.digest;

import java.time.Instant;
import java.time.LocalDate;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * The payload of {@code scheduler.task.digest}: a user's daily digest came due. The
 * envelope id is a name-based UUID of {@code scheduler.task.digest|<userId>|<day>}, so a
 * day's digest is one event however often it fires.
 *
 * @param userId the user
 * @param day the user's local day the digest is for
 * @param timeZone the user's zone
 * @param dueAt when it was due
 * @param firedAt when the clock fired
 * @param late whether it fired late (e.g. the scheduler was down at the time)
 */
record DigestDue(String userId, LocalDate day, String timeZone, Instant dueAt, Instant firedAt, boolean late) {

	static final EventType<DigestDue> DUE = EventType.named("scheduler.task.digest").on(Topics.TASK_DEADLINE);

}
