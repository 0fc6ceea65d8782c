package hub.ameen.notification.inbound;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import hub.ameen.notification.inbox.NotificationDraft;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventHandlers;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.NotificationTypes;
import hub.ameen.platform.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Topics#REMINDER}: turns {@code scheduler.reminder.due} into one
 * {@code reminder.due} notification per recipient, once per event id.
 */
@Component
class ReminderTopicListener {

	private final EventHandlers handlers;

	ReminderTopicListener(Inbox inbox, Notifier notifier, JsonMapper json) {
		this.handlers = EventHandlers.through(inbox, json)
			.on("scheduler.reminder.due", ReminderDue.class,
					(txn, event, reminder) -> notifier.notify(txn, reminder.draft(event), reminder.recipients()));
	}

	/**
	 * The part of {@code scheduler.reminder.due} this service reads.
	 *
	 * @param eventId the calendar event
	 * @param title the event's title
	 * @param location where it happens, or null
	 * @param occurrenceStart when the occurrence the reminder is for starts
	 * @param dueAt when the reminder was due
	 * @param firedAt when the scheduler fired it
	 * @param late whether it fired late (the scheduler was down at its due time)
	 * @param recipients the user ids to remind
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ReminderDue(String eventId, String title, String location, Instant occurrenceStart, Instant dueAt,
			Instant firedAt, boolean late, List<String> recipients) {

		ReminderDue {
			if (eventId == null || eventId.isBlank() || occurrenceStart == null) {
				throw new IllegalArgumentException("a reminder needs an eventId and an occurrenceStart");
			}
			recipients = (recipients != null) ? recipients : List.of();
		}

		NotificationDraft draft(EventEnvelope event) {
			Instant at = (this.firedAt != null) ? this.firedAt : event.occurredAt();
			String when = Durations.relative(at, this.occurrenceStart);
			String body = (when.endsWith("ago") ? "Started " : "Starts ") + when
					+ ((this.location != null && !this.location.isBlank()) ? " · " + this.location : "")
					+ (this.late ? " (late reminder)" : "");
			String link = "/calendar/events/" + this.eventId + "?occurrence=" + this.occurrenceStart;
			String title = (this.title == null || this.title.isBlank()) ? "Untitled event" : this.title;
			return new NotificationDraft(NotificationTypes.REMINDER_DUE, title, body, link, event.id(),
					(this.dueAt != null) ? this.dueAt : event.occurredAt());
		}

	}

	/**
	 * A batch at a time: reminders fall due together (a team's meetings on the hour), and
	 * the batch's writes share the store's durable commits instead of one commit each.
	 */
	@KafkaListener(topics = Topics.REMINDER, batch = "true")
	void on(List<ConsumerRecord<String, EventEnvelope>> records) {
		this.handlers.handleBatch(records);
	}

}
