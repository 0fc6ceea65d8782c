package hub.ameen.scheduler.calendar;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.scheduler.clock.TimerClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The housekeeping of events: completing those that are over, making sure every scheduled
 * event has its next timers (a safety net under the clock), and removing completed events
 * after the retention. With several instances, only the instance that fires an event's
 * partition completes or removes it (the others learn of it from its event); every
 * instance gives its own copies their missing timers.
 */
@Component
public class EventMaintenance {

	private static final Logger logger = LoggerFactory.getLogger(EventMaintenance.class);

	/** Events handled in one write transaction. */
	private static final int CHUNK = 100;

	private final Store store;

	private final EventStore events;

	private final EventTimers timers;

	private final Outbox outbox;

	private final Clock clock;

	private final TimerClock timerClock;

	EventMaintenance(Store store, EventStore events, EventTimers timers, Outbox outbox, Clock clock,
			TimerClock timerClock) {
		this.timerClock = timerClock;
		this.store = store;
		this.events = events;
		this.timers = timers;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Completes scheduled events with no occurrence left to end and no timer left to
	 * fire, and gives the others any timer they miss.
	 * @return how many events were completed
	 */
	public int sweep() {
		int completed = 0;
		for (List<String> chunk : chunks(this.events.idsWithStatus(EventStatus.SCHEDULED))) {
			completed += this.store.writeAndWait((txn) -> {
				Instant now = this.clock.instant();
				int done = 0;
				for (String id : chunk) {
					CalendarEvent event = this.events.get(txn, id).filter(CalendarEvent::isScheduled).orElse(null);
					if (event != null && sweepOne(txn, event, now)) {
						done++;
					}
				}
				return done;
			});
		}
		return completed;
	}

	/**
	 * Sweeps one event; one whose rule cannot be expanded (stored before the limits of
	 * {@code RuleLimits}) is left as it is rather than failing its whole chunk.
	 */
	private boolean sweepOne(WriteTxn txn, CalendarEvent event, Instant now) {
		try {
			return sweep(txn, event, now);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Event {} cannot be swept: {}", event.id(), ex.getMessage());
			return false;
		}
	}

	private boolean sweep(WriteTxn txn, CalendarEvent event, Instant now) {
		boolean over = event.occurrences().firstEndingAtOrAfter(now).isEmpty();
		if (over && !this.timers.hasTimers(txn, event.id()) && this.timerClock.holds(event.id())) {
			CalendarEvent completed = event.withStatus(EventStatus.COMPLETED, now);
			this.events.put(txn, completed);
			this.outbox.publish(txn, CalendarEvent.UPDATED.about(completed.id(), completed).at(completed.updatedAt()));
			return true;
		}
		this.timers.ensure(txn, event, now);
		return false;
	}

	/**
	 * Removes the events completed before the cutoff.
	 * @param cutoff completed before this instant means old enough
	 * @return how many events were removed
	 */
	public int purgeCompletedBefore(Instant cutoff) {
		int purged = 0;
		for (List<String> chunk : chunks(this.events.idsWithStatus(EventStatus.COMPLETED))) {
			purged += this.store.writeAndWait((txn) -> {
				int removed = 0;
				for (String id : chunk) {
					CalendarEvent event = this.events.get(txn, id).orElse(null);
					if (event != null && event.status() == EventStatus.COMPLETED && event.completedAt() != null
							&& event.completedAt().isBefore(cutoff) && this.timerClock.holds(id)) {
						this.events.delete(txn, id, this.clock.instant());
						this.timers.cancel(txn, id);
						this.outbox.publish(txn, EventDeleted.DELETED.about(id, EventDeleted.of(event, "retention"))
							.at(this.clock.instant()));
						removed++;
					}
				}
				return removed;
			});
		}
		this.store.writeAndWait((txn) -> this.events.forgetDeletedBefore(txn, cutoff));
		return purged;
	}

	private static List<List<String>> chunks(List<String> ids) {
		List<List<String>> chunks = new java.util.ArrayList<>();
		for (int i = 0; i < ids.size(); i += CHUNK) {
			chunks.add(ids.subList(i, Math.min(i + CHUNK, ids.size())));
		}
		return chunks;
	}

}
