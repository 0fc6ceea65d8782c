package hub.ameen.scheduler.event;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.platform.web.NotFoundException;
import hub.ameen.scheduler.recurrence.Recurrence;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Creates, changes and deletes events. Each change writes the event, recomputes its
 * timers and appends its event to the outbox in one transaction. Changes to a recurring
 * event apply to the whole series, to one occurrence (which becomes an event of its own,
 * linked by {@code seriesId}, and is excluded from the series) or to an occurrence and
 * the ones after it (the series is cut before it and a new series continues from it).
 */
@Service
class EventService {

	private final Store store;

	private final EventStore events;

	private final EventTimers timers;

	private final EventMessages messages;

	private final EventProperties properties;

	private final Clock clock;

	EventService(Store store, EventStore events, EventTimers timers, EventMessages messages, EventProperties properties,
			Clock clock) {
		this.store = store;
		this.events = events;
		this.timers = timers;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	Mono<CalendarEvent> create(EventRequest request, CurrentUser user) {
		return Mono
			.fromSupplier(() -> EventValidator
				.valid(request.applyTo(CalendarEvent.draft(Ids.next(), user.id(), this.clock.instant()))))
			.flatMap((event) -> this.store.write((txn) -> {
				save(txn, event);
				this.messages.created(txn, event, user.id());
				return event;
			}));
	}

	CalendarEvent get(String id) {
		return this.events.get(id).orElseThrow(() -> new NotFoundException("Event", id));
	}

	Page<CalendarEvent> list(String attendeeId, PageRequest request) {
		return this.events.page(attendeeId, request);
	}

	Mono<CalendarEvent> update(String id, EventRequest request, EditScope scope, Instant occurrence, CurrentUser user) {
		return this.store.write((txn) -> {
			Instant now = this.clock.instant();
			CalendarEvent existing = changeable(txn, id, user);
			return switch (effectiveScope(existing, scope, occurrence)) {
				case ALL -> updateAll(txn, existing, request, now, user);
				case THIS -> updateThis(txn, existing, request, occurrence, now, user);
				case FOLLOWING -> updateFollowing(txn, existing, request, occurrence, now, user);
			};
		});
	}

	Mono<Void> delete(String id, EditScope scope, Instant occurrence, CurrentUser user) {
		return this.store.write((txn) -> {
			Instant now = this.clock.instant();
			CalendarEvent existing = changeable(txn, id, user);
			switch (effectiveScope(existing, scope, occurrence)) {
				case ALL -> {
					this.events.exceptionsOf(txn, id).forEach((single) -> remove(txn, single, user.id(), now));
					remove(txn, existing, user.id(), now);
				}
				case THIS -> saveUpdated(txn, existing.withExdate(occurrence).updatedAt(now), user);
				case FOLLOWING -> saveUpdated(txn, truncated(existing, occurrence, now), user);
			}
			return true;
		}).then();
	}

	private CalendarEvent updateAll(WriteTxn txn, CalendarEvent existing, EventRequest request, Instant now,
			CurrentUser user) {
		CalendarEvent changed = EventValidator.valid(request.applyTo(existing).updatedAt(now));
		if (changed.status() != existing.status()) {
			changed = changed.withStatus(changed.status(), now);
		}
		return saveUpdated(txn, changed, user);
	}

	private CalendarEvent updateThis(WriteTxn txn, CalendarEvent series, EventRequest request, Instant occurrence,
			Instant now, CurrentUser user) {
		if (request.recurrence() != null && !request.recurrence().isBlank()) {
			throw InvalidEventException.of("recurrence", "cannot be set when changing one occurrence");
		}
		CalendarEvent single = series.withIdentity(Ids.next(), series.id(), occurrence, now)
			.withTimes(occurrence, occurrence.plus(series.occurrences().duration()))
			.withRecurrence(null, List.of());
		single = EventValidator.valid(request.applyTo(single));
		saveUpdated(txn, series.withExdate(occurrence).updatedAt(now), user);
		save(txn, single);
		this.messages.created(txn, single, user.id());
		return single;
	}

	private CalendarEvent updateFollowing(WriteTxn txn, CalendarEvent series, EventRequest request, Instant occurrence,
			Instant now, CurrentUser user) {
		Recurrence recurrence = series.occurrences();
		CalendarEvent following = series.withIdentity(Ids.next(), null, null, now)
			.withTimes(occurrence, occurrence.plus(recurrence.duration()))
			.withRecurrence(recurrence.continuedFrom(occurrence),
					series.exdates().stream().filter((exdate) -> !exdate.isBefore(occurrence)).toList());
		following = EventValidator.valid(request.applyTo(following));
		saveUpdated(txn, truncated(series, occurrence, now), user);
		save(txn, following);
		this.messages.created(txn, following, user.id());
		return following;
	}

	private static CalendarEvent truncated(CalendarEvent series, Instant occurrence, Instant now) {
		return series
			.withRecurrence(series.occurrences().truncatedBefore(occurrence),
					series.exdates().stream().filter((exdate) -> exdate.isBefore(occurrence)).toList())
			.updatedAt(now);
	}

	private CalendarEvent saveUpdated(WriteTxn txn, CalendarEvent event, CurrentUser user) {
		save(txn, event);
		this.messages.updated(txn, event, user.id());
		return event;
	}

	private void save(WriteTxn txn, CalendarEvent event) {
		this.events.put(txn, event);
		this.timers.materialise(txn, event, this.clock.instant());
	}

	private void remove(WriteTxn txn, CalendarEvent event, String actorId, Instant now) {
		this.events.delete(txn, event.id());
		this.timers.cancel(txn, event.id());
		this.messages.deleted(txn, event, actorId, "user", now);
	}

	private CalendarEvent changeable(WriteTxn txn, String id, CurrentUser user) {
		CalendarEvent event = this.events.get(txn, id).orElseThrow(() -> new NotFoundException("Event", id));
		boolean manager = !Collections.disjoint(user.perms(), this.properties.manageAnyPermissions());
		if (!manager && !user.id().equals(event.creatorId())) {
			throw new ForbiddenException("Only the event's creator, an admin or a manager may change it");
		}
		return event;
	}

	private static EditScope effectiveScope(CalendarEvent event, EditScope scope, Instant occurrence) {
		if (scope == EditScope.ALL || event.recurrence() == null) {
			return EditScope.ALL;
		}
		if (occurrence == null) {
			throw InvalidEventException.of("occurrence", "is required when scope is this or following");
		}
		if (!event.occurrences().occursAt(occurrence)) {
			throw InvalidEventException.of("occurrence", "is not an occurrence of this event");
		}
		return (scope == EditScope.FOLLOWING && occurrence.equals(event.startsAt())) ? EditScope.ALL : scope;
	}

}
