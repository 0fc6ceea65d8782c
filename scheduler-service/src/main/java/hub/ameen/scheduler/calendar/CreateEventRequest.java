package hub.ameen.scheduler.calendar;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import hub.ameen.scheduler.recurrence.Recurrence;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import static hub.ameen.scheduler.calendar.EventFields.blankToNull;
import static hub.ameen.scheduler.calendar.EventFields.or;

/**
 * The body of {@code POST /api/scheduler/events}: a new event. Fields the service owns
 * (id, creator, timestamps), as in a whole event sent back, are ignored. Its fields are
 * kept in normal form ({@link EventFields}) before they are checked; the rules that tie
 * fields together are {@link EventRules}.
 *
 * @param title what it is
 * @param description optional text
 * @param location optional place
 * @param startsAt the (first) start
 * @param endsAt the (first) end
 * @param timeZone a time zone id, {@code UTC} when none is named
 * @param allDay whether it is an all-day event
 * @param recurrence an RFC 5545 RRULE
 * @param exdates excluded occurrence starts
 * @param reminders the reminders
 * @param attendeeIds the attendees
 * @param status scheduled unless named
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CreateEventRequest(
		@NotBlank(message = "must not be blank") @Size(max = Limits.MAX_TITLE,
				message = "must be at most " + Limits.MAX_TITLE + " characters") String title,
		@Size(max = Limits.MAX_DESCRIPTION,
				message = "must be at most " + Limits.MAX_DESCRIPTION + " characters") String description,
		@Size(max = Limits.MAX_LOCATION,
				message = "must be at most " + Limits.MAX_LOCATION + " characters") String location,
		@NotNull(message = "is required") Instant startsAt, @NotNull(message = "is required") Instant endsAt,
		@KnownTimeZone String timeZone, Boolean allDay, String recurrence,
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

	CreateEventRequest {
		title = EventFields.trim(title);
		startsAt = EventFields.millis(startsAt);
		endsAt = EventFields.millis(endsAt);
		timeZone = EventFields.trim(timeZone);
		exdates = EventFields.exdates(exdates);
		reminders = EventFields.reminders(reminders);
		attendeeIds = EventFields.attendees(attendeeIds);
	}

	/** The new event, by the creator, created now. */
	CalendarEvent toEvent(String id, String creatorId, Instant now) {
		String rule = blankToNull(this.recurrence);
		return new CalendarEvent(id, this.title, blankToNull(this.description), blankToNull(this.location),
				this.startsAt, this.endsAt, or(this.timeZone, "UTC"), or(this.allDay, false),
				(rule != null) ? Recurrence.normalise(rule) : null, or(this.exdates, List.of()),
				or(this.reminders, List.of()), or(this.attendeeIds, List.of()), or(this.status, EventStatus.SCHEDULED),
				creatorId, null, null, now, now, null);
	}

}
