package hub.ameen.scheduler.calendar;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * The payload of {@code scheduler.event.deleted} on {@code hub.scheduler.event.v1}, keyed
 * by the calendar event's id.
 *
 * @param id the event
 * @param title its title
 * @param seriesId the series it was edited out of, or null
 * @param reason {@code user} or {@code retention}
 */
record EventDeleted(String id, String title, String seriesId, String reason) {

	static final EventType<EventDeleted> DELETED = EventType.named("scheduler.event.deleted").on(Topics.CALENDAR_EVENT);

	static EventDeleted of(CalendarEvent event, String reason) {
		return new EventDeleted(event.id(), event.title(), event.seriesId(), reason);
	}

}
