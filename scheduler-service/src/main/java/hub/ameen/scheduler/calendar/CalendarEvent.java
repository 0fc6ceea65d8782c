package hub.ameen.scheduler.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;
import hub.ameen.scheduler.recurrence.Recurrence;

/**
 * A calendar event, as stored and as the API returns it.
 *
 * @param id opaque id
 * @param title what it is
 * @param description optional text
 * @param location optional place
 * @param startsAt the first occurrence's start
 * @param endsAt the first occurrence's end
 * @param timeZone the zone the recurrence is expanded in, e.g. {@code America/New_York}
 * @param allDay whether clients show it as an all-day event
 * @param recurrence an RFC 5545 RRULE, or null for a single event
 * @param exdates starts of occurrences that are excluded
 * @param reminders reminders of each occurrence
 * @param attendeeIds the users invited
 * @param status scheduled, completed or cancelled
 * @param creatorId the user who created it
 * @param seriesId for an edited single occurrence of a series, the series' id
 * @param originalStartsAt for an edited single occurrence, its start in the series
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param completedAt when the sweep completed it, or null
 */
public record CalendarEvent(String id, String title, String description, String location, Instant startsAt,
		Instant endsAt, String timeZone, boolean allDay, String recurrence, List<Instant> exdates,
		List<Reminder> reminders, List<String> attendeeIds, EventStatus status, String creatorId, String seriesId,
		Instant originalStartsAt, Instant createdAt, Instant updatedAt, Instant completedAt) {

	/** The whole event, on {@code hub.scheduler.event.v1}, keyed by its id. */
	public static final EventType<CalendarEvent> CREATED = EventType.named("scheduler.event.created")
		.on(Topics.CALENDAR_EVENT);

	/** The whole event after the change; its completion by the sweep too. */
	public static final EventType<CalendarEvent> UPDATED = EventType.named("scheduler.event.updated")
		.on(Topics.CALENDAR_EVENT);

	public CalendarEvent {
		exdates = (exdates != null) ? List.copyOf(exdates) : List.of();
		reminders = (reminders != null) ? List.copyOf(reminders) : List.of();
		attendeeIds = (attendeeIds != null) ? List.copyOf(attendeeIds) : List.of();
	}

	/** The occurrences of this event. */
	public Recurrence occurrences() {
		return Recurrence.of(this.recurrence, this.startsAt, this.endsAt, this.timeZone, this.exdates);
	}

	/**
	 * Everyone a reminder reaches, and whose calendars show the event: the attendees and
	 * the creator, once each.
	 */
	public List<String> recipients() {
		Set<String> all = new LinkedHashSet<>(this.attendeeIds);
		if (this.creatorId != null) {
			all.add(this.creatorId);
		}
		return List.copyOf(all);
	}

	boolean isScheduled() {
		return this.status == EventStatus.SCHEDULED;
	}

	CalendarEvent withTimes(Instant startsAt, Instant endsAt) {
		return new CalendarEvent(this.id, this.title, this.description, this.location, startsAt, endsAt, this.timeZone,
				this.allDay, this.recurrence, this.exdates, this.reminders, this.attendeeIds, this.status,
				this.creatorId, this.seriesId, this.originalStartsAt, this.createdAt, this.updatedAt, this.completedAt);
	}

	CalendarEvent withRecurrence(String recurrence, List<Instant> exdates) {
		return new CalendarEvent(this.id, this.title, this.description, this.location, this.startsAt, this.endsAt,
				this.timeZone, this.allDay, recurrence, exdates, this.reminders, this.attendeeIds, this.status,
				this.creatorId, this.seriesId, this.originalStartsAt, this.createdAt, this.updatedAt, this.completedAt);
	}

	CalendarEvent withExdate(Instant exdate) {
		TreeSet<Instant> all = new TreeSet<>(this.exdates);
		all.add(exdate);
		return withRecurrence(this.recurrence, new ArrayList<>(all));
	}

	CalendarEvent withIdentity(String id, String seriesId, Instant originalStartsAt, Instant now) {
		return new CalendarEvent(id, this.title, this.description, this.location, this.startsAt, this.endsAt,
				this.timeZone, this.allDay, this.recurrence, this.exdates, this.reminders, this.attendeeIds,
				this.status, this.creatorId, seriesId, originalStartsAt, now, now, null);
	}

	CalendarEvent withStatus(EventStatus status, Instant now) {
		Instant completed = (status == EventStatus.COMPLETED) ? now : null;
		return new CalendarEvent(this.id, this.title, this.description, this.location, this.startsAt, this.endsAt,
				this.timeZone, this.allDay, this.recurrence, this.exdates, this.reminders, this.attendeeIds, status,
				this.creatorId, this.seriesId, this.originalStartsAt, this.createdAt, now, completed);
	}

	CalendarEvent updatedAt(Instant now) {
		return new CalendarEvent(this.id, this.title, this.description, this.location, this.startsAt, this.endsAt,
				this.timeZone, this.allDay, this.recurrence, this.exdates, this.reminders, this.attendeeIds,
				this.status, this.creatorId, this.seriesId, this.originalStartsAt, this.createdAt, now,
				this.completedAt);
	}

}
