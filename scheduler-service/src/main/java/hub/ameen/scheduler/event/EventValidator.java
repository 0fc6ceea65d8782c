package hub.ameen.scheduler.event;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import hub.ameen.scheduler.event.InvalidEventException.FieldError;
import hub.ameen.scheduler.recurrence.Recurrence;

/**
 * The rules an event must keep, checked on the whole event after a create or a change so
 * that one path covers both; every broken rule is reported at once.
 */
final class EventValidator {

	static final int MAX_REMINDERS = 20;

	static final int MAX_MINUTES_BEFORE = 40_320;

	static final int MAX_ATTENDEES = 200;

	static final int MAX_EXDATES = 1_000;

	static final Duration MAX_DURATION = Duration.ofDays(366);

	static final int MAX_ZONE_LENGTH = 64;

	private EventValidator() {
	}

	/** The event, if it keeps every rule. */
	static CalendarEvent valid(CalendarEvent event) {
		List<FieldError> errors = new ArrayList<>();
		text(errors, "title", event.title(), 200, true);
		text(errors, "description", event.description(), 10_000, false);
		text(errors, "location", event.location(), 500, false);
		boolean timesValid = times(errors, event);
		boolean zoneValid = zone(errors, event.timeZone());
		if (event.recurrence() != null) {
			if (event.recurrence().length() > Recurrence.MAX_LENGTH) {
				errors.add(new FieldError("recurrence", "must be at most " + Recurrence.MAX_LENGTH + " characters"));
			}
			else if (timesValid && zoneValid) {
				Recurrence.problem(event.recurrence(), event.startsAt(), event.timeZone())
					.ifPresent((problem) -> errors.add(new FieldError("recurrence", problem)));
			}
		}
		exdates(errors, event.exdates());
		reminders(errors, event.reminders());
		attendees(errors, event.attendeeIds());
		if (event.status() == null) {
			errors.add(new FieldError("status", "is required"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidEventException(errors);
		}
		return event;
	}

	private static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
		if (required && (value == null || value.isBlank())) {
			errors.add(new FieldError(field, "must not be blank"));
		}
		else if (value != null && value.length() > max) {
			errors.add(new FieldError(field, "must be at most " + max + " characters"));
		}
	}

	private static boolean times(List<FieldError> errors, CalendarEvent event) {
		int before = errors.size();
		if (event.startsAt() == null) {
			errors.add(new FieldError("startsAt", "is required"));
		}
		else if (!TimeBounds.startWithin(event.startsAt())) {
			errors.add(new FieldError("startsAt", "must be between 1970 and 2200"));
		}
		if (event.endsAt() == null) {
			errors.add(new FieldError("endsAt", "is required"));
		}
		else if (event.startsAt() != null && !event.endsAt().isAfter(event.startsAt())) {
			errors.add(new FieldError("endsAt", "must be after startsAt"));
		}
		else if (event.startsAt() != null
				&& Duration.between(event.startsAt(), event.endsAt()).compareTo(MAX_DURATION) > 0) {
			errors.add(new FieldError("endsAt", "must be at most 366 days after startsAt"));
		}
		return errors.size() == before;
	}

	private static boolean zone(List<FieldError> errors, String zone) {
		if (zone == null || zone.isBlank()) {
			errors.add(new FieldError("timeZone", "must not be blank"));
			return false;
		}
		if (zone.length() > MAX_ZONE_LENGTH) {
			errors.add(new FieldError("timeZone", "must be at most " + MAX_ZONE_LENGTH + " characters"));
			return false;
		}
		try {
			ZoneId.of(zone);
			return true;
		}
		catch (DateTimeException ex) {
			errors.add(new FieldError("timeZone", "is not a known time zone id, e.g. Asia/Riyadh"));
			return false;
		}
	}

	private static void exdates(List<FieldError> errors, List<Instant> exdates) {
		if (exdates.size() > MAX_EXDATES) {
			errors.add(new FieldError("exdates", "must have at most " + MAX_EXDATES + " entries"));
			return;
		}
		for (int i = 0; i < exdates.size(); i++) {
			if (!TimeBounds.within(exdates.get(i))) {
				errors.add(new FieldError("exdates[" + i + "]", TimeBounds.RANGE));
			}
		}
	}

	private static void reminders(List<FieldError> errors, List<Reminder> reminders) {
		if (reminders.size() > MAX_REMINDERS) {
			errors.add(new FieldError("reminders", "must have at most " + MAX_REMINDERS + " entries"));
			return;
		}
		for (int i = 0; i < reminders.size(); i++) {
			Integer minutes = reminders.get(i).minutesBefore();
			if (minutes == null || minutes < 0 || minutes > MAX_MINUTES_BEFORE) {
				errors.add(new FieldError("reminders[" + i + "].minutesBefore",
						"must be between 0 and " + MAX_MINUTES_BEFORE));
			}
		}
	}

	private static void attendees(List<FieldError> errors, List<String> attendeeIds) {
		if (attendeeIds.size() > MAX_ATTENDEES) {
			errors.add(new FieldError("attendeeIds", "must have at most " + MAX_ATTENDEES + " entries"));
			return;
		}
		for (int i = 0; i < attendeeIds.size(); i++) {
			String id = attendeeIds.get(i);
			if (id.isEmpty() || id.length() > EventIds.MAX_USER_ID) {
				errors.add(new FieldError("attendeeIds[" + i + "]",
						"must be 1 to " + EventIds.MAX_USER_ID + " characters"));
			}
		}
	}

}
