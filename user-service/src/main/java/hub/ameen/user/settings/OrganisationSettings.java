package hub.ameen.user.settings;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * The organisation's name and defaults. What the store keeps, what HTTP answers and what
 * {@code settings.updated} carries.
 *
 * @param name the organisation's name
 * @param logoFileId the id of the logo in the files library, or null for none
 * @param timeZone the IANA zone a new user gets unless one is given
 * @param locale the locale ({@code en} or {@code ar}) a new user gets unless one is given
 * @param weekStart the first day of the calendar's week
 * @param workingDays the days people work, in week order
 * @param workingHours when the working day starts and ends ({@code HH:mm})
 * @param digestTime when, in each user's own zone, the daily task digest goes out
 * ({@code HH:mm}) for users who have not chosen their own time
 * @param updatedAt when the settings last changed, null until the first change
 * @param updatedBy who last changed them, null until the first change
 */
public record OrganisationSettings(String name, String logoFileId, String timeZone, String locale, DayOfWeek weekStart,
		List<DayOfWeek> workingDays, WorkingHours workingHours, String digestTime, Instant updatedAt,
		String updatedBy) {

	/** The key of the settings' events: there is one organisation. */
	public static final String KEY = "organisation";

	public static final EventType<OrganisationSettings> UPDATED = EventType.named("settings.updated")
		.on(Topics.SETTINGS);

	/** What a new hub starts with. */
	public static final OrganisationSettings DEFAULTS = new OrganisationSettings("Ameen Hub", null, "UTC", "en",
			DayOfWeek.MONDAY,
			List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
			new WorkingHours("09:00", "17:00"), "08:00", null, null);

	public OrganisationSettings {
		workingDays = List.copyOf(workingDays);
	}

	/** The same settings, stamped as changed. */
	OrganisationSettings changedAt(Instant at, String by) {
		return new OrganisationSettings(this.name, this.logoFileId, this.timeZone, this.locale, this.weekStart,
				this.workingDays, this.workingHours, this.digestTime, at, by);
	}

	/** The same settings with another logo (null for none). */
	OrganisationSettings withLogo(String fileId) {
		return new OrganisationSettings(this.name, fileId, this.timeZone, this.locale, this.weekStart, this.workingDays,
				this.workingHours, this.digestTime, this.updatedAt, this.updatedBy);
	}

	/** The same settings without the stamp, to tell whether a change changes anything. */
	boolean sameAs(OrganisationSettings other) {
		return changedAt(null, null).equals(other.changedAt(null, null));
	}

	/**
	 * When the working day starts and ends.
	 *
	 * @param from {@code HH:mm}
	 * @param to {@code HH:mm}, after {@code from}
	 */
	public record WorkingHours(String from, String to) {
	}

}
