package hub.ameen.scheduler.calendar;

import java.time.Instant;
import java.util.List;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;
import hub.ameen.scheduler.clock.Firing;
import hub.ameen.scheduler.recurrence.Occurrence;

/**
 * The payload of {@code scheduler.reminder.due} on {@code hub.scheduler.reminder.v1},
 * keyed by the calendar event's id; its id is stable per (reminder, occurrence).
 *
 * @param eventId the event
 * @param title its title
 * @param location its location, or null
 * @param occurrenceStart the start of the occurrence reminded of
 * @param occurrenceEnd its end
 * @param timeZone the event's time zone, to show local times
 * @param minutesBefore the reminder
 * @param dueAt when the reminder was due
 * @param firedAt when the clock fired it
 * @param late whether it fired late (e.g. the service was down at its due time)
 * @param recipients the attendees and the creator
 */
record ReminderDue(String eventId, String title, String location, Instant occurrenceStart, Instant occurrenceEnd,
		String timeZone, int minutesBefore, Instant dueAt, Instant firedAt, boolean late, List<String> recipients) {

	static final EventType<ReminderDue> DUE = EventType.named("scheduler.reminder.due").on(Topics.REMINDER);

	static ReminderDue of(CalendarEvent event, Occurrence occurrence, int minutesBefore, Instant dueAt, Firing firing) {
		return new ReminderDue(event.id(), event.title(), event.location(), occurrence.start(), occurrence.end(),
				event.timeZone(), minutesBefore, dueAt, firing.firedAt(), firing.late(), event.recipients());
	}

}
