package hub.ameen.scheduler.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.Store;
import hub.ameen.scheduler.recurrence.Occurrence;

import org.springframework.stereotype.Component;

/**
 * Expands the events of a window into their occurrences, sorted by start: what a calendar
 * view shows. Cancelled events are left out.
 */
@Component
class OccurrenceQuery {

	private final Store store;

	private final EventStore events;

	private final EventProperties properties;

	OccurrenceQuery(Store store, EventStore events, EventProperties properties) {
		this.store = store;
		this.events = events;
		this.properties = properties;
	}

	Page<OccurrenceView> between(Instant from, Instant to, String attendeeId) {
		if (!to.isAfter(from)) {
			throw InvalidEventException.of("to", "must be after from");
		}
		Duration max = this.properties.maxWindow();
		if (Duration.between(from, to).compareTo(max) > 0) {
			throw InvalidEventException.of("to", "must be at most " + max.toDays() + " days after from");
		}
		int limit = this.properties.maxOccurrences();
		List<OccurrenceView> found = new ArrayList<>();
		this.store.read((txn) -> {
			this.events.forEach(txn, attendeeId, (event) -> {
				if (event.status() != EventStatus.CANCELLED && found.size() <= limit) {
					event.occurrences()
						.between(from, to, limit + 1 - found.size())
						.forEach((occurrence) -> found.add(view(event, occurrence)));
				}
			});
			return null;
		});
		if (found.size() > limit) {
			throw InvalidEventException.of("to", "the window holds more than " + limit + " occurrences; narrow it");
		}
		found.sort(Comparator.comparing(OccurrenceView::startsAt).thenComparing(OccurrenceView::eventId));
		return new Page<>(found, null);
	}

	private static OccurrenceView view(CalendarEvent event, Occurrence occurrence) {
		return new OccurrenceView(event.id(), event.seriesId(), event.title(), occurrence.start(), occurrence.end(),
				event.allDay(), event.location(), event.timeZone(), event.recurrence() != null);
	}

}
