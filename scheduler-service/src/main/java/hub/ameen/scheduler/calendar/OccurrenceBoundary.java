package hub.ameen.scheduler.calendar;

import java.time.Instant;
import java.util.List;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;
import hub.ameen.scheduler.clock.Firing;
import hub.ameen.scheduler.recurrence.Occurrence;

/**
 * The payload of {@code scheduler.event.started} and {@code scheduler.event.ended} on
 * {@code hub.scheduler.event.v1}, keyed by the calendar event's id; its id is stable per
 * occurrence.
 *
 * @param eventId the event
 * @param title its title
 * @param location its location, or null
 * @param occurrenceStart the occurrence's start
 * @param occurrenceEnd the occurrence's end
 * @param dueAt the start (started) or end (ended)
 * @param firedAt when the clock fired it
 * @param late whether it fired late
 * @param recipients the attendees and the creator
 */
record OccurrenceBoundary(String eventId, String title, String location, Instant occurrenceStart, Instant occurrenceEnd,
		Instant dueAt, Instant firedAt, boolean late, List<String> recipients) {

	static final EventType<OccurrenceBoundary> STARTED = EventType.named("scheduler.event.started")
		.on(Topics.CALENDAR_EVENT);

	static final EventType<OccurrenceBoundary> ENDED = EventType.named("scheduler.event.ended")
		.on(Topics.CALENDAR_EVENT);

	static OccurrenceBoundary of(CalendarEvent event, Occurrence occurrence, Instant dueAt, Firing firing) {
		return new OccurrenceBoundary(event.id(), event.title(), event.location(), occurrence.start(), occurrence.end(),
				dueAt, firing.firedAt(), firing.late(), event.recipients());
	}

}
