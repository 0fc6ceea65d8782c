package hub.ameen.scheduler.calendar;

import java.time.Instant;

/**
 * One occurrence in a calendar view.
 *
 * @param eventId the event it belongs to (for an edited occurrence, its own event)
 * @param seriesId for an edited occurrence, the series it was edited out of; otherwise
 * null
 * @param title the event's title
 * @param startsAt when it starts
 * @param endsAt when it ends
 * @param allDay whether it is an all-day event
 * @param location the event's location, or null
 * @param timeZone the event's time zone
 * @param recurring whether the event recurs
 */
record OccurrenceView(String eventId, String seriesId, String title, Instant startsAt, Instant endsAt, boolean allDay,
		String location, String timeZone, boolean recurring) {
}
