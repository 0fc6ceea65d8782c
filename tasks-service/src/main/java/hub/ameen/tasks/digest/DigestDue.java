package hub.ameen.tasks.digest;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of the scheduler's {@code scheduler.task.digest} tasks-service reads.
 *
 * @param userId whose digest came due
 * @param day the user's local day
 * @param timeZone the user's zone
 * @param dueAt when it was due
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DigestDue(String userId, LocalDate day, String timeZone, Instant dueAt) {
}
