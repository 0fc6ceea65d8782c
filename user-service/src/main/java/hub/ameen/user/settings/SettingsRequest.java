package hub.ameen.user.settings;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Objects;

import hub.ameen.user.directory.TimeZoneId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A change of the organisation's settings; absent fields stay as they are.
 *
 * @param name 1 to 100 characters
 * @param logoFileId the logo's id in the files library
 * @param timeZone an IANA zone id
 * @param locale {@code en} or {@code ar}
 * @param weekStart {@code MONDAY} … {@code SUNDAY}
 * @param workingDays one to seven distinct days
 * @param workingHours {@code from} before {@code to}, both {@code HH:mm}
 * @param digestTime {@code HH:mm}
 */
record SettingsRequest(
		@Size(min = 1, max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
		@Size(min = 1, max = 64) String logoFileId, @TimeZoneId String timeZone,
		@Pattern(regexp = "en|ar", message = "must be en or ar") String locale, DayOfWeek weekStart,
		@Size(min = 1, max = 7) List<@NotNull DayOfWeek> workingDays, @Valid HoursRequest workingHours,
		@Pattern(regexp = HoursRequest.HH_MM, message = "must be a time of day as HH:mm") String digestTime) {

	@AssertTrue(message = "must not name a day twice")
	boolean isWorkingDaysDistinct() {
		return this.workingDays == null || this.workingDays.stream().distinct().count() == this.workingDays.size();
	}

	OrganisationSettings applyTo(OrganisationSettings current) {
		return new OrganisationSettings((this.name != null) ? this.name.trim() : current.name(),
				(this.logoFileId != null) ? this.logoFileId : current.logoFileId(),
				Objects.requireNonNullElse(this.timeZone, current.timeZone()),
				Objects.requireNonNullElse(this.locale, current.locale()),
				Objects.requireNonNullElse(this.weekStart, current.weekStart()),
				(this.workingDays != null) ? this.workingDays.stream().sorted().toList() : current.workingDays(),
				(this.workingHours != null) ? this.workingHours.toHours() : current.workingHours(),
				Objects.requireNonNullElse(this.digestTime, current.digestTime()), current.updatedAt(),
				current.updatedBy());
	}

	/**
	 * The working day.
	 *
	 * @param from {@code HH:mm}
	 * @param to {@code HH:mm}, after {@code from}
	 */
	record HoursRequest(@NotNull @Pattern(regexp = HH_MM, message = "must be a time of day as HH:mm") String from,
			@NotNull @Pattern(regexp = HH_MM, message = "must be a time of day as HH:mm") String to) {

		static final String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9]";

		@AssertTrue(message = "must end after it starts")
		boolean isOrdered() {
			return this.from == null || this.to == null || this.from.compareTo(this.to) < 0;
		}

		OrganisationSettings.WorkingHours toHours() {
			return new OrganisationSettings.WorkingHours(this.from, this.to);
		}

	}

}
