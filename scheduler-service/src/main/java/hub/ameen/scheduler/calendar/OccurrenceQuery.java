package hub.ameen.scheduler.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.Store;
import hub.ameen.scheduler.recurrence.Budget;
import hub.ameen.scheduler.recurrence.Occurrence;

import org.springframework.stereotype.Component;

/**
 * Expands the events of a window into their occurrences, sorted by start: what a calendar
 * view shows. Cancelled events are left out. One query is bounded: its window (at most
 * {@code max-window}), its answer (at most {@code max-occurrences}) and its expansion
 * work (a {@link Budget} of {@code max-expansion} instances and
 * {@code max-expansion-time}).
 */
@Component
class OccurrenceQuery {

	private final Store store;

	private final EventStore events;

	private final EventProperties properties;

	private final EventAccess access;

	OccurrenceQuery(Store store, EventStore events, EventProperties properties, EventAccess access) {
		this.store = store;
		this.events = events;
		this.properties = properties;
		this.access = access;
	}

	/**
	 * The occurrences in the window of the events the user may see; with an attendee, of
	 * those that user takes part in.
	 */
	Page<OccurrenceView> between(Instant from, Instant to, String attendeeId, CurrentUser user) {
		checkWindow(from, to);
		EventIds.checkUser("attendeeId", attendeeId);
		int limit = this.properties.maxOccurrences();
		boolean all = this.access.managesAll(user);
		String participant = all ? attendeeId : user.id();
		Predicate<CalendarEvent> visible = (event) -> all || attendeeId == null
				|| event.recipients().contains(attendeeId);
		Budget budget = Budget.of(this.properties.maxExpansion(), this.properties.maxExpansionTime());
		List<OccurrenceView> found = new ArrayList<>();
		try {
			this.store.read((txn) -> {
				this.events.forEach(txn, participant, visible, (event) -> {
					if (event.status() != EventStatus.CANCELLED && found.size() <= limit) {
						event.occurrences()
							.between(from, to, limit + 1 - found.size(), budget)
							.forEach((occurrence) -> found.add(view(event, occurrence)));
					}
				});
				return null;
			});
		}
		catch (Budget.ExpansionLimitException ex) {
			throw InvalidEventException.of("to", "the window needs too much work to expand (" + ex.getMessage()
					+ "); narrow it or name an attendeeId");
		}
		if (found.size() > limit) {
			throw InvalidEventException.of("to", "the window holds more than " + limit + " occurrences; narrow it");
		}
		found.sort(Comparator.comparing(OccurrenceView::startsAt).thenComparing(OccurrenceView::eventId));
		return new Page<>(found, null);
	}

	private void checkWindow(Instant from, Instant to) {
		if (!TimeBounds.within(from)) {
			throw InvalidEventException.of("from", TimeBounds.RANGE);
		}
		if (!TimeBounds.within(to)) {
			throw InvalidEventException.of("to", TimeBounds.RANGE);
		}
		if (!to.isAfter(from)) {
			throw InvalidEventException.of("to", "must be after from");
		}
		Duration max = this.properties.maxWindow();
		if (Duration.between(from, to).compareTo(max) > 0) {
			throw InvalidEventException.of("to", "must be at most " + max.toDays() + " days after from");
		}
	}

	private static OccurrenceView view(CalendarEvent event, Occurrence occurrence) {
		return new OccurrenceView(event.id(), event.seriesId(), event.title(), occurrence.start(), occurrence.end(),
				event.allDay(), event.location(), event.timeZone(), event.recurrence() != null);
	}

}
