package hub.ameen.scheduler.digest;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * When a user's daily digest goes out, as tasks-service's {@code digest.planned} says (on
 * {@code hub.tasks.digest.v1}), and the last day it went out, kept by the scheduler.
 *
 * @param userId the user
 * @param time the local time ({@code HH:mm}) in the zone
 * @param timeZone the user's zone id
 * @param active false when the user gets no digest (disabled or deleted)
 * @param lastDay the last local day a digest fired for, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DigestPlan(String userId, String time, String timeZone, boolean active, LocalDate lastDay) {

	DigestPlan firedFor(LocalDate day) {
		return new DigestPlan(this.userId, this.time, this.timeZone, this.active, day);
	}

	DigestPlan replacing(DigestPlan previous) {
		return new DigestPlan(this.userId, this.time, this.timeZone, this.active,
				(previous != null) ? previous.lastDay() : null);
	}

}
