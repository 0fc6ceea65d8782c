package hub.ameen.scheduler.calendar;

import java.util.Optional;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.scheduler.clock.TimerClock;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Keeps this instance's copy of every calendar event, whichever instance it was created
 * or changed on: each {@code scheduler.event.created}, {@code .updated} and
 * {@code .deleted} read back from {@code hub.scheduler.event.v1} (this instance's own
 * included) is applied unless the copy is already as new, and the event's timers are
 * planned again from the time of the change, so that an instance that takes the event's
 * partition over fires what the change scheduled, late if need be. Timers of occurrences
 * that already fired somewhere are advanced without firing. A removed event stays removed
 * (its creation read back after its removal does not bring it back).
 * <p>
 * Two instances changing the same event at the same moment is not reconciled: the change
 * with the later {@code updatedAt} wins on every instance.
 */
@Component
class EventReplica {

	private final EventStore events;

	private final EventTimers timers;

	private final TimerClock clock;

	private final JsonMapper mapper;

	EventReplica(EventStore events, EventTimers timers, TimerClock clock, JsonMapper mapper) {
		this.events = events;
		this.timers = timers;
		this.clock = clock;
		this.mapper = mapper;
	}

	/** Whether the event is a change of a calendar event (and not a firing). */
	static boolean isChange(EventEnvelope event) {
		return event.type().equals(CalendarEvent.CREATED.name()) || event.type().equals(CalendarEvent.UPDATED.name())
				|| event.type().equals(EventDeleted.DELETED.name());
	}

	/** Applies a change read back from the topic, in the inbox's transaction. */
	void apply(WriteTxn txn, EventEnvelope envelope) {
		if (envelope.type().equals(EventDeleted.DELETED.name())) {
			this.events.deleteReplica(txn, envelope.key(), envelope.occurredAt());
			this.timers.cancel(txn, envelope.key());
			return;
		}
		CalendarEvent event = envelope.payloadAs(CalendarEvent.class, this.mapper);
		Optional<CalendarEvent> local = this.events.get(txn, event.id());
		if ((local.isPresent() && !local.get().updatedAt().isBefore(event.updatedAt()))
				|| this.events.wasDeleted(txn, event.id())) {
			return;
		}
		this.events.putReplica(txn, event);
		this.timers.replace(txn, event.id(),
				this.timers.plan(event, this.timers.current(txn, event.id()), event.updatedAt()));
		this.clock.settle(txn, event.id());
	}

}
