package hub.ameen.scheduler.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import hub.ameen.scheduler.clock.Timer;

/**
 * What one create, change or delete writes, worked out before the write from a snapshot
 * of the events it touches: their records and timers as read, and the steps to store. The
 * write only checks that the snapshot still holds and stores the steps, so expanding
 * recurrences never holds the store's single writer.
 */
final class EventChange {

	private final String actorId;

	private final Instant now;

	private final List<Expected> expected = new ArrayList<>();

	private final List<Step> steps = new ArrayList<>();

	private CalendarEvent result;

	EventChange(String actorId, Instant now) {
		this.actorId = actorId;
		this.now = now;
	}

	/**
	 * The event must still be as read, with the same timers, when the change is written.
	 */
	EventChange expect(CalendarEvent asRead, List<Timer> timersAsRead) {
		this.expected.add(new Expected(asRead, List.copyOf(timersAsRead)));
		return this;
	}

	EventChange create(CalendarEvent event, List<Timer> timers) {
		this.steps.add(new Save(event, List.copyOf(timers), true));
		return this;
	}

	EventChange update(CalendarEvent event, List<Timer> timers) {
		this.steps.add(new Save(event, List.copyOf(timers), false));
		return this;
	}

	EventChange remove(CalendarEvent event) {
		this.steps.add(new Remove(event));
		return this;
	}

	EventChange answering(CalendarEvent event) {
		this.result = event;
		return this;
	}

	String actorId() {
		return this.actorId;
	}

	Instant now() {
		return this.now;
	}

	List<Expected> expected() {
		return this.expected;
	}

	List<Step> steps() {
		return this.steps;
	}

	/** The event the request answers with, or null. */
	CalendarEvent result() {
		return this.result;
	}

	/** An event as read, with its timers. */
	record Expected(CalendarEvent event, List<Timer> timers) {
	}

	/** One thing the change writes. */
	sealed interface Step permits Save, Remove {

	}

	/** Stores the event, replacing its timers with the planned ones. */
	record Save(CalendarEvent event, List<Timer> timers, boolean created) implements Step {
	}

	/** Removes the event and its timers. */
	record Remove(CalendarEvent event) implements Step {
	}

}
