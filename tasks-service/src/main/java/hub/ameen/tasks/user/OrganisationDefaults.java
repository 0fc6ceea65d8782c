package hub.ameen.tasks.user;

import java.time.DayOfWeek;
import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of user-service's {@code settings.updated} (on {@code hub.users.settings.v1})
 * that tasks-service uses as defaults; other fields are ignored.
 *
 * @param timeZone the zone of users whose own zone is unknown
 * @param digestTime when ({@code HH:mm}, in each user's zone) the daily digest goes out
 * for users who have not chosen their own time
 * @param weekStart the first day of the week ({@code MONDAY} … {@code SUNDAY}) of the
 * {@code week} view
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganisationDefaults(String timeZone, String digestTime, String weekStart) {

	static final String KEY = "organisation";

	/** user-service's own defaults, until the first {@code settings.updated}. */
	static final OrganisationDefaults BUILT_IN = new OrganisationDefaults("UTC", "08:00", "MONDAY");

	/** These defaults, with a missing or malformed field replaced by the built-in one. */
	OrganisationDefaults orBuiltIn() {
		boolean timeOk = this.digestTime != null && this.digestTime.matches("([01][0-9]|2[0-3]):[0-5][0-9]");
		boolean dayOk = this.weekStart != null
				&& Arrays.stream(DayOfWeek.values()).anyMatch((day) -> day.name().equals(this.weekStart));
		return new OrganisationDefaults((this.timeZone != null) ? this.timeZone : BUILT_IN.timeZone,
				timeOk ? this.digestTime : BUILT_IN.digestTime, dayOk ? this.weekStart : BUILT_IN.weekStart);
	}

	/** The first day of the week. */
	public DayOfWeek firstDayOfWeek() {
		return DayOfWeek.valueOf(this.weekStart);
	}

}
