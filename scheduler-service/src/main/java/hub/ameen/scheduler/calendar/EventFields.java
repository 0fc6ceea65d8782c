package hub.ameen.scheduler.calendar;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The normal form of the fields a request carries, the same for a new event and a change:
 * instants to the millisecond, lists without nulls or repeats (a repeated reminder would
 * fire twice), texts trimmed where their ends carry no meaning.
 */
final class EventFields {

	private EventFields() {
	}

	static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	static String trim(String value) {
		return (value != null) ? value.trim() : null;
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	static Instant millis(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MILLIS) : null;
	}

	static List<Instant> exdates(List<Instant> exdates) {
		return (exdates != null)
				? exdates.stream().filter(Objects::nonNull).map(EventFields::millis).distinct().sorted().toList()
				: null;
	}

	static List<Reminder> reminders(List<Reminder> reminders) {
		return (reminders != null) ? reminders.stream()
			.filter(Objects::nonNull)
			.distinct()
			.sorted(Comparator.comparing(Reminder::minutesBefore, Comparator.nullsFirst(Comparator.naturalOrder())))
			.toList() : null;
	}

	static List<String> attendees(List<String> attendeeIds) {
		return (attendeeIds != null)
				? attendeeIds.stream().filter(Objects::nonNull).map(String::trim).distinct().toList() : null;
	}

}
