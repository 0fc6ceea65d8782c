package hub.ameen.scheduler.calendar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import hub.ameen.scheduler.calendar.InvalidEventException.FieldError;
import hub.ameen.scheduler.recurrence.Recurrence;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

/**
 * The rules of an event as a whole, which no single field of a request can check: it ends
 * after it starts and within {@link Limits#MAX_DURATION}, it starts in 1970 up to 2200,
 * its recurrence is one the hub expands ({@code RuleLimits}) from its start in its zone,
 * and it excludes at most {@link Limits#MAX_EXDATES} occurrences. A request's own fields
 * are checked by the constraints of its record; both are reported at once.
 */
final class EventRules {

	private EventRules() {
	}

	/**
	 * The problems of a new event: the request's bad fields and the event's broken rules.
	 * @throws InvalidEventException listing every one, if there are any
	 */
	static CalendarEvent checkNew(Set<ConstraintViolation<CreateEventRequest>> violations, CalendarEvent event) {
		List<FieldError> errors = fields(violations);
		errors.addAll(acrossFields(event));
		return thrownIfAny(errors, event);
	}

	/**
	 * A change's bad fields, before it is applied.
	 * @throws InvalidEventException listing every one, if there are any
	 */
	static PatchEventRequest checkChange(Set<ConstraintViolation<PatchEventRequest>> violations,
			PatchEventRequest change) {
		return thrownIfAny(fields(violations), change);
	}

	/**
	 * The event as it is after a change, or after an occurrence was excluded from it.
	 * @throws InvalidEventException listing every broken rule, if there are any
	 */
	static CalendarEvent check(CalendarEvent event) {
		List<FieldError> errors = acrossFields(event);
		if (event.exdates().size() > Limits.MAX_EXDATES) {
			errors.add(new FieldError("exdates", "must have at most " + Limits.MAX_EXDATES + " entries"));
		}
		if (event.status() == null) {
			errors.add(new FieldError("status", "is required"));
		}
		return thrownIfAny(errors, event);
	}

	/** The rules that tie the event's fields together. */
	static List<FieldError> acrossFields(CalendarEvent event) {
		List<FieldError> errors = new ArrayList<>();
		boolean timesValid = times(errors, event);
		if (event.recurrence() != null) {
			if (event.recurrence().length() > Recurrence.MAX_LENGTH) {
				errors.add(new FieldError("recurrence", "must be at most " + Recurrence.MAX_LENGTH + " characters"));
			}
			else if (timesValid && KnownTimeZone.Check.problem(event.timeZone()) == null) {
				Recurrence.problem(event.recurrence(), event.startsAt(), event.timeZone())
					.ifPresent((problem) -> errors.add(new FieldError("recurrence", problem)));
			}
		}
		return errors;
	}

	/** Whether both times are there and keep their rules. */
	private static boolean times(List<FieldError> errors, CalendarEvent event) {
		int before = errors.size();
		if (event.startsAt() != null && !TimeBounds.startWithin(event.startsAt())) {
			errors.add(new FieldError("startsAt", "must be between 1970 and 2200"));
		}
		if (event.startsAt() != null && event.endsAt() != null) {
			if (!event.endsAt().isAfter(event.startsAt())) {
				errors.add(new FieldError("endsAt", "must be after startsAt"));
			}
			else if (Duration.between(event.startsAt(), event.endsAt()).compareTo(Limits.MAX_DURATION) > 0) {
				errors.add(new FieldError("endsAt", "must be at most 366 days after startsAt"));
			}
		}
		return event.startsAt() != null && event.endsAt() != null && errors.size() == before;
	}

	/** Bean validation's findings, named by their path in the JSON body. */
	static <T> List<FieldError> fields(Set<ConstraintViolation<T>> violations) {
		return new ArrayList<>(violations.stream()
			.map((violation) -> new FieldError(path(violation.getPropertyPath()), violation.getMessage()))
			.sorted(Comparator.comparing(FieldError::field))
			.toList());
	}

	/** {@code reminders[2].minutesBefore}, {@code exdates[0]}. */
	private static String path(Path path) {
		StringBuilder field = new StringBuilder();
		for (Path.Node node : path) {
			if (node.isInIterable()) {
				field.append('[').append((node.getIndex() != null) ? node.getIndex() : node.getKey()).append(']');
			}
			String name = node.getName();
			if (name != null && !name.isEmpty() && !name.startsWith("<")) {
				field.append(field.isEmpty() ? "" : ".").append(name);
			}
		}
		return field.toString();
	}

	private static <T> T thrownIfAny(List<FieldError> errors, T value) {
		if (!errors.isEmpty()) {
			throw new InvalidEventException(errors);
		}
		return value;
	}

}
