package hub.ameen.scheduler.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.scheduler.clock.Firing;
import hub.ameen.scheduler.config.SchedulerTopics;
import hub.ameen.scheduler.recurrence.Occurrence;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Appends the events about calendar events to the outbox, in the caller's transaction.
 * Fired events get an id derived from what fired (event, slot, occurrence), so even a
 * repeated publication is recognised by consumers as the same event.
 */
@Component
class EventMessages {

	static final String CREATED = "scheduler.event.created";

	static final String UPDATED = "scheduler.event.updated";

	static final String DELETED = "scheduler.event.deleted";

	static final String STARTED = "scheduler.event.started";

	static final String ENDED = "scheduler.event.ended";

	static final String REMINDER_DUE = "scheduler.reminder.due";

	private final Outbox outbox;

	private final JsonMapper mapper;

	EventMessages(Outbox outbox, JsonMapper mapper) {
		this.outbox = outbox;
		this.mapper = mapper;
	}

	void created(WriteTxn txn, CalendarEvent event, String actorId) {
		append(txn, SchedulerTopics.EVENTS, CREATED, event.id(), actorId, event, event.updatedAt(), null);
	}

	void updated(WriteTxn txn, CalendarEvent event, String actorId) {
		append(txn, SchedulerTopics.EVENTS, UPDATED, event.id(), actorId, event, event.updatedAt(), null);
	}

	void deleted(WriteTxn txn, CalendarEvent event, String actorId, String reason, Instant now) {
		append(txn, SchedulerTopics.EVENTS, DELETED, event.id(), actorId,
				new EventDeleted(event.id(), event.title(), event.seriesId(), reason), now, null);
	}

	void reminderDue(WriteTxn txn, CalendarEvent event, Occurrence occurrence, int minutesBefore, Instant dueAt,
			Firing firing) {
		ReminderDue payload = new ReminderDue(event.id(), event.title(), event.location(), occurrence.start(),
				occurrence.end(), event.timeZone(), minutesBefore, dueAt, firing.firedAt(), firing.late(),
				event.recipients());
		append(txn, SchedulerTopics.REMINDERS, REMINDER_DUE, event.id(), null, payload, firing.firedAt(),
				stableId(REMINDER_DUE, event.id(), minutesBefore, occurrence.start()));
	}

	void occurrence(WriteTxn txn, String type, CalendarEvent event, Occurrence occurrence, Instant dueAt,
			Firing firing) {
		OccurrenceBoundary payload = new OccurrenceBoundary(event.id(), event.title(), event.location(),
				occurrence.start(), occurrence.end(), dueAt, firing.firedAt(), firing.late(), event.recipients());
		append(txn, SchedulerTopics.EVENTS, type, event.id(), null, payload, firing.firedAt(),
				stableId(type, event.id(), 0, occurrence.start()));
	}

	private void append(WriteTxn txn, String topic, String type, String key, String actorId, Object payload,
			Instant occurredAt, String id) {
		EventEnvelope envelope = new EventEnvelope((id != null) ? id : UUID.randomUUID().toString(), type, 1,
				occurredAt, key, actorId, this.mapper.valueToTree(payload));
		this.outbox.append(txn, topic, envelope);
	}

	private static String stableId(String type, String eventId, int minutesBefore, Instant occurrence) {
		String name = type + "|" + eventId + "|" + minutesBefore + "|" + occurrence.toEpochMilli();
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * The payload of {@code scheduler.reminder.due}.
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
	}

	/**
	 * The payload of {@code scheduler.event.started} and {@code scheduler.event.ended}.
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
	record OccurrenceBoundary(String eventId, String title, String location, Instant occurrenceStart,
			Instant occurrenceEnd, Instant dueAt, Instant firedAt, boolean late, List<String> recipients) {
	}

	/**
	 * The payload of {@code scheduler.event.deleted}.
	 *
	 * @param id the event
	 * @param title its title
	 * @param seriesId the series it was edited out of, or null
	 * @param reason {@code user} or {@code retention}
	 */
	record EventDeleted(String id, String title, String seriesId, String reason) {
	}

}
