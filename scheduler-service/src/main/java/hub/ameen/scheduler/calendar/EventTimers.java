package hub.ameen.scheduler.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.scheduler.clock.FiredSlot;
import hub.ameen.scheduler.clock.Firing;
import hub.ameen.scheduler.clock.Timer;
import hub.ameen.scheduler.clock.TimerHandler;
import hub.ameen.scheduler.clock.TimerIndex;
import hub.ameen.scheduler.recurrence.Occurrence;
import hub.ameen.scheduler.recurrence.Recurrence;

import org.springframework.stereotype.Component;

/**
 * The timers of calendar events: one slot per reminder, one for the start and one for the
 * end, each holding only the timer of its next occurrence. Firing a slot announces the
 * occurrence and schedules the slot's following occurrence in the same transaction.
 */
@Component
class EventTimers implements TimerHandler {

	static final String REMINDER = "event.reminder";

	static final String STARTED = "event.started";

	static final String ENDED = "event.ended";

	private final TimerIndex timers;

	private final EventStore events;

	private final Outbox outbox;

	EventTimers(TimerIndex timers, EventStore events, Outbox outbox) {
		this.timers = timers;
		this.events = events;
		this.outbox = outbox;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(REMINDER, STARTED, ENDED);
	}

	/**
	 * Recomputes every slot of a created or changed event from now on, in one write.
	 */
	void materialise(WriteTxn txn, CalendarEvent event, Instant now) {
		replace(txn, event.id(), plan(event, current(txn, event.id()), now));
	}

	/**
	 * The timers a created or changed event should have from now on, one per slot, worked
	 * out (the expensive part) outside any write. A slot whose current timer is overdue
	 * but not yet fired keeps that occurrence, so an edit never loses it.
	 * @param event the event as it will be stored
	 * @param current its timers now
	 * @param now the time of the change
	 * @return the timers to {@link #replace} its current ones with
	 */
	List<Timer> plan(CalendarEvent event, List<Timer> current, Instant now) {
		if (!event.isScheduled()) {
			return List.of();
		}
		Map<String, Timer> existing = current.stream().collect(Collectors.toMap(Timer::id, Function.identity()));
		Recurrence occurrences = event.occurrences();
		List<Timer> planned = new ArrayList<>();
		for (Slot slot : slots(event)) {
			Timer old = existing.get(slot.id());
			Instant from = (old != null && !old.dueAt().isAfter(now)) ? old.dueAt() : now.plusMillis(1);
			slot.firstDueFrom(occurrences, from).ifPresent(planned::add);
		}
		return planned;
	}

	/** The event's timers, as {@link #plan} needs them. */
	List<Timer> current(ReadTxn txn, String eventId) {
		return this.timers.ofOwner(txn, eventId);
	}

	/** Replaces the event's timers with planned ones. */
	void replace(WriteTxn txn, String eventId, List<Timer> planned) {
		this.timers.cancelOwner(txn, eventId);
		planned.forEach((timer) -> this.timers.schedule(txn, timer));
	}

	/** Schedules the slots that have no timer: the per-minute safety net. */
	void ensure(WriteTxn txn, CalendarEvent event, Instant now) {
		Set<String> present = this.timers.ofOwner(txn, event.id()).stream().map(Timer::id).collect(Collectors.toSet());
		Recurrence occurrences = event.occurrences();
		for (Slot slot : slots(event)) {
			if (!present.contains(slot.id())) {
				slot.firstDueFrom(occurrences, now.plusMillis(1))
					.ifPresent((timer) -> this.timers.schedule(txn, timer));
			}
		}
	}

	/** Whether the event still has timers to fire. */
	boolean hasTimers(WriteTxn txn, String eventId) {
		return !this.timers.ofOwner(txn, eventId).isEmpty();
	}

	void cancel(WriteTxn txn, String eventId) {
		this.timers.cancelOwner(txn, eventId);
	}

	@Override
	public Optional<Timer> fire(WriteTxn txn, Timer timer, Firing firing) {
		Optional<CalendarEvent> found = this.events.get(txn, timer.ownerId()).filter(CalendarEvent::isScheduled);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		CalendarEvent event = found.get();
		Recurrence occurrences = event.occurrences();
		Occurrence occurrence = new Occurrence(timer.occurrenceStart(),
				timer.occurrenceStart().plus(occurrences.duration()));
		if (!firing.skipped()) {
			announce(txn, event, timer, occurrence, firing);
		}
		Slot slot = new Slot(timer.id(), timer.kind(), event.id(), timer.minutesBefore());
		return occurrences.firstStartingAfter(occurrence.start()).map(slot::timerFor);
	}

	@Override
	public Optional<FiredSlot> firedBy(EventEnvelope event) {
		String type = event.type();
		String eventId = event.payload().path("eventId").asString();
		String occurrence = event.payload().path("occurrenceStart").asString();
		if (eventId.isEmpty() || occurrence.isEmpty()) {
			return Optional.empty();
		}
		String slot;
		if (type.equals(ReminderDue.DUE.name())) {
			slot = eventId + "/reminder/" + event.payload().path("minutesBefore").asInt();
		}
		else if (type.equals(OccurrenceBoundary.STARTED.name())) {
			slot = eventId + "/started";
		}
		else if (type.equals(OccurrenceBoundary.ENDED.name())) {
			slot = eventId + "/ended";
		}
		else {
			return Optional.empty();
		}
		return Optional.of(new FiredSlot(slot, Instant.parse(occurrence)));
	}

	private void announce(WriteTxn txn, CalendarEvent event, Timer timer, Occurrence occurrence, Firing firing) {
		switch (timer.kind()) {
			case REMINDER -> this.outbox.publish(txn, ReminderDue.DUE
				.about(event.id(), ReminderDue.of(event, occurrence, timer.minutesBefore(), timer.dueAt(), firing))
				.withIdOf(event.id(), timer.minutesBefore(), occurrence.start().toEpochMilli())
				.at(firing.firedAt()));
			case STARTED -> boundary(txn, OccurrenceBoundary.STARTED, event, occurrence, timer, firing);
			default -> boundary(txn, OccurrenceBoundary.ENDED, event, occurrence, timer, firing);
		}
	}

	private void boundary(WriteTxn txn, EventType<OccurrenceBoundary> type, CalendarEvent event, Occurrence occurrence,
			Timer timer, Firing firing) {
		this.outbox.publish(txn,
				type.about(event.id(), OccurrenceBoundary.of(event, occurrence, timer.dueAt(), firing))
					.withIdOf(event.id(), 0, occurrence.start().toEpochMilli())
					.at(firing.firedAt()));
	}

	private static List<Slot> slots(CalendarEvent event) {
		List<Slot> slots = new ArrayList<>();
		slots.add(new Slot(event.id() + "/started", STARTED, event.id(), null));
		slots.add(new Slot(event.id() + "/ended", ENDED, event.id(), null));
		for (Reminder reminder : event.reminders()) {
			slots.add(new Slot(event.id() + "/reminder/" + reminder.minutesBefore(), REMINDER, event.id(),
					reminder.minutesBefore()));
		}
		return slots;
	}

	/**
	 * One slot of an event and how its due time follows from an occurrence.
	 */
	private record Slot(String id, String kind, String eventId, Integer minutesBefore) {

		Optional<Timer> firstDueFrom(Recurrence occurrences, Instant from) {
			Optional<Occurrence> first = switch (this.kind) {
				case REMINDER -> occurrences.firstStartingAtOrAfter(from.plusSeconds(60L * this.minutesBefore));
				case STARTED -> occurrences.firstStartingAtOrAfter(from);
				default -> occurrences.firstEndingAtOrAfter(from);
			};
			return first.map(this::timerFor);
		}

		Timer timerFor(Occurrence occurrence) {
			Instant due = switch (this.kind) {
				case REMINDER -> occurrence.start().minusSeconds(60L * this.minutesBefore);
				case STARTED -> occurrence.start();
				default -> occurrence.end();
			};
			return new Timer(this.id, this.kind, this.eventId, due, occurrence.start(), this.minutesBefore);
		}

	}

}
