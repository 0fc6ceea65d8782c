package hub.ameen.scheduler.calendar;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.platform.web.ConflictException;
import hub.ameen.platform.web.NotFoundException;
import hub.ameen.scheduler.clock.Timer;
import hub.ameen.scheduler.recurrence.Recurrence;
import jakarta.validation.Validator;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.stereotype.Service;

/**
 * Creates, changes and deletes events. Each change is worked out first, off the store's
 * writer, from a snapshot of the events it touches (validation, recurrence expansion and
 * the timers' next due times: the costly part); then one transaction checks that the
 * snapshot still holds, writes the events and timers and appends their events to the
 * outbox. A snapshot that no longer holds (the clock fired a timer meanwhile) is worked
 * out again. Changes to a recurring event apply to the whole series, to one occurrence
 * (which becomes an event of its own, linked by {@code seriesId}, and is excluded from
 * the series) or to an occurrence and the ones after it (the series is cut before it and
 * a new series continues from it).
 */
@Service
class EventService {

	/** How often a change whose snapshot went stale is worked out again. */
	private static final int RETRIES = 3;

	private final Store store;

	private final EventStore events;

	private final EventTimers timers;

	private final Outbox outbox;

	private final EventAccess access;

	private final Clock clock;

	private final Validator validator;

	EventService(Store store, EventStore events, EventTimers timers, Outbox outbox, EventAccess access, Clock clock,
			Validator validator) {
		this.validator = validator;
		this.store = store;
		this.events = events;
		this.timers = timers;
		this.outbox = outbox;
		this.access = access;
		this.clock = clock;
	}

	Mono<CalendarEvent> create(CreateEventRequest request, CurrentUser user) {
		return write(() -> {
			Instant now = this.clock.instant();
			CalendarEvent event = EventRules.checkNew(this.validator.validate(request),
					request.toEvent(Ids.next(), user.id(), now));
			return new EventChange(user.id(), now).create(event, this.timers.plan(event, List.of(), now))
				.answering(event);
		});
	}

	/** The event, if the user may see it: to anyone else it does not exist. */
	CalendarEvent get(String id, CurrentUser user) {
		EventIds.check(id);
		return this.events.get(id)
			.filter((event) -> this.access.maySee(event, user))
			.orElseThrow(() -> new NotFoundException("Event", id));
	}

	/**
	 * The events the user may see, in creation order; with an attendee, only those that
	 * user also takes part in.
	 */
	Page<CalendarEvent> list(String attendeeId, PageRequest request, CurrentUser user) {
		if (this.access.managesAll(user)) {
			return this.events.page(attendeeId, request, (event) -> true);
		}
		return this.events.page(user.id(), request,
				(event) -> attendeeId == null || event.recipients().contains(attendeeId));
	}

	Mono<CalendarEvent> update(String id, PatchEventRequest request, EditScope scope, Instant occurrence,
			CurrentUser user) {
		EventIds.check(id);
		return write(() -> {
			Instant now = this.clock.instant();
			Snapshot snapshot = changeable(id, user);
			EventRules.checkChange(this.validator.validate(request), request);
			EventChange change = new EventChange(user.id(), now);
			switch (effectiveScope(snapshot.event(), scope, occurrence)) {
				case ALL -> updateAll(change, snapshot, request);
				case THIS -> updateThis(change, snapshot, request, occurrence);
				case FOLLOWING -> updateFollowing(change, snapshot, request, occurrence);
			}
			return change;
		});
	}

	Mono<Void> delete(String id, EditScope scope, Instant occurrence, CurrentUser user) {
		EventIds.check(id);
		return write(() -> {
			Instant now = this.clock.instant();
			Snapshot snapshot = changeable(id, user);
			CalendarEvent existing = snapshot.event();
			EventChange change = new EventChange(user.id(), now);
			switch (effectiveScope(existing, scope, occurrence)) {
				case ALL -> {
					change.expect(existing, snapshot.timers());
					snapshot.exceptions().forEach(change::remove);
					change.remove(existing);
				}
				case THIS ->
					updated(change, snapshot, EventRules.check(existing.withExdate(occurrence).updatedAt(now)));
				case FOLLOWING -> updated(change, snapshot, truncated(existing, occurrence, now));
			}
			return change;
		}).then();
	}

	private void updateAll(EventChange change, Snapshot snapshot, PatchEventRequest request) {
		CalendarEvent existing = snapshot.event();
		CalendarEvent changed = EventRules.check(request.applyTo(existing).updatedAt(change.now()));
		if (changed.status() != existing.status()) {
			changed = changed.withStatus(changed.status(), change.now());
		}
		updated(change, snapshot, changed).answering(changed);
	}

	private void updateThis(EventChange change, Snapshot snapshot, PatchEventRequest request, Instant occurrence) {
		if (request.setsRecurrence()) {
			throw InvalidEventException.of("recurrence", "cannot be set when changing one occurrence");
		}
		CalendarEvent series = snapshot.event();
		Instant now = change.now();
		CalendarEvent single = series.withIdentity(Ids.next(), series.id(), occurrence, now)
			.withTimes(occurrence, occurrence.plus(series.occurrences().duration()))
			.withRecurrence(null, List.of());
		single = EventRules.check(request.applyTo(single));
		updated(change, snapshot, EventRules.check(series.withExdate(occurrence).updatedAt(now)));
		change.create(single, this.timers.plan(single, List.of(), now)).answering(single);
	}

	private void updateFollowing(EventChange change, Snapshot snapshot, PatchEventRequest request, Instant occurrence) {
		CalendarEvent series = snapshot.event();
		Instant now = change.now();
		Recurrence recurrence = series.occurrences();
		CalendarEvent following = series.withIdentity(Ids.next(), null, null, now)
			.withTimes(occurrence, occurrence.plus(recurrence.duration()))
			.withRecurrence(recurrence.continuedFrom(occurrence),
					series.exdates().stream().filter((exdate) -> !exdate.isBefore(occurrence)).toList());
		following = EventRules.check(request.applyTo(following));
		updated(change, snapshot, truncated(series, occurrence, now));
		change.create(following, this.timers.plan(following, List.of(), now)).answering(following);
	}

	private static CalendarEvent truncated(CalendarEvent series, Instant occurrence, Instant now) {
		return series
			.withRecurrence(series.occurrences().truncatedBefore(occurrence),
					series.exdates().stream().filter((exdate) -> exdate.isBefore(occurrence)).toList())
			.updatedAt(now);
	}

	private EventChange updated(EventChange change, Snapshot snapshot, CalendarEvent event) {
		return change.expect(snapshot.event(), snapshot.timers())
			.update(event, this.timers.plan(event, snapshot.timers(), change.now()));
	}

	/** Works the change out off the writer, then writes it; again if it went stale. */
	private Mono<CalendarEvent> write(Supplier<EventChange> workOut) {
		return Mono.fromSupplier(workOut)
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((change) -> this.store.write((txn) -> Optional.ofNullable(apply(txn, change))))
			.retryWhen(Retry.max(RETRIES).filter(StaleChangeException.class::isInstance))
			.onErrorMap(Exceptions::isRetryExhausted,
					(ex) -> new ConflictException("The event kept changing while this change was made; try again"))
			.flatMap(Mono::justOrEmpty);
	}

	private CalendarEvent apply(WriteTxn txn, EventChange change) {
		for (EventChange.Expected expected : change.expected()) {
			String id = expected.event().id();
			if (!this.events.get(txn, id).equals(Optional.of(expected.event()))
					|| !this.timers.current(txn, id).equals(expected.timers())) {
				throw new StaleChangeException();
			}
		}
		for (EventChange.Step step : change.steps()) {
			if (step instanceof EventChange.Save save) {
				this.events.put(txn, save.event());
				this.timers.replace(txn, save.event().id(), save.timers());
				if (save.created()) {
					publish(txn, CalendarEvent.CREATED, save.event(), change.actorId());
				}
				else {
					publish(txn, CalendarEvent.UPDATED, save.event(), change.actorId());
				}
			}
			else if (step instanceof EventChange.Remove remove) {
				this.events.delete(txn, remove.event().id(), change.now());
				this.timers.cancel(txn, remove.event().id());
				this.outbox.publish(txn,
						EventDeleted.DELETED.about(remove.event().id(), EventDeleted.of(remove.event(), "user"))
							.by(change.actorId())
							.at(change.now()));
			}
		}
		return change.result();
	}

	private void publish(WriteTxn txn, EventType<CalendarEvent> type, CalendarEvent event, String actorId) {
		this.outbox.publish(txn, type.about(event.id(), event).by(actorId).at(event.updatedAt()));
	}

	/**
	 * The event with its timers and edited-out occurrences, read in one snapshot, if the
	 * user may change it: 404 if they may not even see it, 403 if they only see it.
	 */
	private Snapshot changeable(String id, CurrentUser user) {
		Snapshot snapshot = this.store.read((txn) -> this.events.get(txn, id)
			.map((event) -> new Snapshot(event, this.timers.current(txn, id), exceptions(txn, event)))
			.orElse(null));
		if (snapshot == null || !this.access.maySee(snapshot.event(), user)) {
			throw new NotFoundException("Event", id);
		}
		if (!this.access.mayChange(snapshot.event(), user)) {
			throw new ForbiddenException("Only the event's creator, an admin or a manager may change it");
		}
		return snapshot;
	}

	private List<CalendarEvent> exceptions(ReadTxn txn, CalendarEvent event) {
		return (event.recurrence() != null) ? this.events.exceptionsOf(txn, event.id()) : List.of();
	}

	private static EditScope effectiveScope(CalendarEvent event, EditScope scope, Instant occurrence) {
		if (scope == EditScope.ALL || event.recurrence() == null) {
			return EditScope.ALL;
		}
		if (occurrence == null) {
			throw InvalidEventException.of("occurrence", "is required when scope is this or following");
		}
		if (!TimeBounds.within(occurrence) || !event.occurrences().occursAt(occurrence)) {
			throw InvalidEventException.of("occurrence", "is not an occurrence of this event");
		}
		return (scope == EditScope.FOLLOWING && occurrence.equals(event.startsAt())) ? EditScope.ALL : scope;
	}

	/** An event as read, with what a change of it needs. */
	private record Snapshot(CalendarEvent event, List<Timer> timers, List<CalendarEvent> exceptions) {
	}

	/** The snapshot a change was worked out from no longer holds. */
	private static final class StaleChangeException extends RuntimeException {

		StaleChangeException() {
			super("stale", null, false, false);
		}

	}

}
