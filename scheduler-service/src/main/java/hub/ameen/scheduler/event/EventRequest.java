package hub.ameen.scheduler.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import hub.ameen.scheduler.recurrence.Recurrence;

/**
 * The body of {@code POST} (a new event) and {@code PATCH} (changes: a field left out or
 * null stays as it is; an empty {@code recurrence}, {@code description} or
 * {@code location} clears it). Other fields, such as those of a whole event sent back,
 * are ignored: the id, creator and timestamps are the service's.
 *
 * @param title what it is
 * @param description optional text
 * @param location optional place
 * @param startsAt the (first) start
 * @param endsAt the (first) end
 * @param timeZone a time zone id, {@code UTC} when a new event names none
 * @param allDay whether it is an all-day event
 * @param recurrence an RFC 5545 RRULE
 * @param exdates excluded occurrence starts
 * @param reminders the reminders, replacing all of them
 * @param attendeeIds the attendees, replacing all of them
 * @param status scheduled, completed or cancelled
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record EventRequest(String title, String description, String location, Instant startsAt, Instant endsAt,
		String timeZone, Boolean allDay, String recurrence, List<Instant> exdates, List<Reminder> reminders,
		List<String> attendeeIds, EventStatus status) {

	/**
	 * The event with this request's fields applied, in normal form (not yet validated).
	 */
	CalendarEvent applyTo(CalendarEvent base) {
		String rule = (this.recurrence != null) ? blankToNull(this.recurrence) : base.recurrence();
		return new CalendarEvent(base.id(), or(trim(this.title), base.title()),
				text(this.description, base.description()), text(this.location, base.location()),
				millis(or(this.startsAt, base.startsAt())), millis(or(this.endsAt, base.endsAt())),
				or(trim(this.timeZone), base.timeZone()), or(this.allDay, base.allDay()),
				(rule != null) ? Recurrence.normalise(rule) : null, exdates(or(this.exdates, base.exdates())),
				reminders(or(this.reminders, base.reminders())), attendees(or(this.attendeeIds, base.attendeeIds())),
				or(this.status, base.status()), base.creatorId(), base.seriesId(), base.originalStartsAt(),
				base.createdAt(), base.updatedAt(), base.completedAt());
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	private static String text(String value, String fallback) {
		return (value != null) ? blankToNull(value) : fallback;
	}

	private static String trim(String value) {
		return (value != null) ? value.trim() : null;
	}

	private static String blankToNull(String value) {
		return value.isBlank() ? null : value;
	}

	private static Instant millis(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MILLIS) : null;
	}

	private static List<Instant> exdates(List<Instant> exdates) {
		return exdates.stream().filter(Objects::nonNull).map(EventRequest::millis).distinct().sorted().toList();
	}

	private static List<Reminder> reminders(List<Reminder> reminders) {
		// duplicates would fire twice
		return reminders.stream()
			.filter(Objects::nonNull)
			.distinct()
			.sorted(Comparator.comparing(Reminder::minutesBefore, Comparator.nullsFirst(Comparator.naturalOrder())))
			.toList();
	}

	private static List<String> attendees(List<String> attendeeIds) {
		return attendeeIds.stream().filter(Objects::nonNull).map(String::trim).distinct().toList();
	}

}
