package hub.ameen.scheduler.calendar;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import hub.ameen.scheduler.recurrence.Recurrence;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import static hub.ameen.scheduler.calendar.EventFields.blankToNull;
import static hub.ameen.scheduler.calendar.EventFields.or;

/**
 * The body of {@code PATCH /api/scheduler/events/{id}}: a field left out or null stays as
 * it is; an empty {@code recurrence}, {@code description} or {@code location} clears it;
 * a list replaces the whole list. Fields the service owns are ignored. The changed event
 * as a whole must still keep {@link EventRules}.
 *
 * @param title what it is
 * @param description optional text
 * @param location optional place
 * @param startsAt the (first) start
 * @param endsAt the (first) end
 * @param timeZone a time zone id
 * @param allDay whether it is an all-day event
 * @param recurrence an RFC 5545 RRULE
 * @param exdates excluded occurrence starts
 * @param reminders the reminders
 * @param attendeeIds the attendees
 * @param status scheduled, completed or cancelled
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PatchEventRequest(
		@Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Size(max = Limits.MAX_TITLE,
				message = "must be at most " + Limits.MAX_TITLE + " characters") String title,
		@Size(max = Limits.MAX_DESCRIPTION,
				message = "must be at most " + Limits.MAX_DESCRIPTION + " characters") String description,
		@Size(max = Limits.MAX_LOCATION,
				message = "must be at most " + Limits.MAX_LOCATION + " characters") String location,
		Instant startsAt, Instant endsAt, @KnownTimeZone String timeZone, Boolean allDay, String recurrence,
		@Size(max = Limits.MAX_EXDATES,
				message = "must have at most " + Limits.MAX_EXDATES
						+ " entries") List<@WithinTimeBounds Instant> exdates,
		@Size(max = Limits.MAX_REMINDERS,
				message = "must have at most " + Limits.MAX_REMINDERS + " entries") List<@Valid Reminder> reminders,
		@Size(max = Limits.MAX_ATTENDEES,
				message = "must have at most " + Limits.MAX_ATTENDEES + " entries") List<@Size(min = 1,
						max = EventIds.MAX_USER_ID,
						message = "must be 1 to " + EventIds.MAX_USER_ID + " characters") String> attendeeIds,
		EventStatus status) {

	PatchEventRequest {
		title = EventFields.trim(title);
		startsAt = EventFields.millis(startsAt);
		endsAt = EventFields.millis(endsAt);
		timeZone = EventFields.trim(timeZone);
		exdates = EventFields.exdates(exdates);
		reminders = EventFields.reminders(reminders);
		attendeeIds = EventFields.attendees(attendeeIds);
	}

	/** Whether the change names a recurrence (an empty one clears it). */
	boolean setsRecurrence() {
		return this.recurrence != null && !this.recurrence.isBlank();
	}

	/** The event with this change's fields applied; the others stay. */
	CalendarEvent applyTo(CalendarEvent base) {
		String rule = (this.recurrence != null) ? blankToNull(this.recurrence) : base.recurrence();
		return new CalendarEvent(base.id(), or(this.title, base.title()), text(this.description, base.description()),
				text(this.location, base.location()), or(this.startsAt, base.startsAt()),
				or(this.endsAt, base.endsAt()), or(this.timeZone, base.timeZone()), or(this.allDay, base.allDay()),
				(rule != null) ? Recurrence.normalise(rule) : null, or(this.exdates, base.exdates()),
				or(this.reminders, base.reminders()), or(this.attendeeIds, base.attendeeIds()),
				or(this.status, base.status()), base.creatorId(), base.seriesId(), base.originalStartsAt(),
				base.createdAt(), base.updatedAt(), base.completedAt());
	}

	private static String text(String value, String fallback) {
		return (value != null) ? blankToNull(value) : fallback;
	}

}
