package hub.ameen.scheduler.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.PageRequest;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/scheduler/events} and {@code /api/scheduler/occurrences}. Reading needs
 * {@code scheduler:read} and shows only the events the caller created or attends (all of
 * them to a holder of {@code scheduler:manage}); writing needs {@code scheduler:write},
 * and changing someone else's event also needs {@code scheduler:manage}.
 */
@RestController
@RequestMapping("/api/scheduler")
class EventController {

	/** Longer cursors decode to keys over LMDB's 511 bytes, which no page hands out. */
	private static final int MAX_CURSOR = 680;

	private final EventService events;

	private final OccurrenceQuery occurrences;

	EventController(EventService events, OccurrenceQuery occurrences) {
		this.events = events;
		this.occurrences = occurrences;
	}

	@PostMapping("/events")
	@PreAuthorize(Permissions.HAS_SCHEDULER_WRITE)
	Mono<ResponseEntity<CalendarEvent>> create(@RequestBody CreateEventRequest request) {
		return CurrentUser.current()
			.flatMap((user) -> this.events.create(request, user))
			.map((event) -> ResponseEntity.created(URI.create("/api/scheduler/events/" + event.id())).body(event));
	}

	@GetMapping("/events")
	@PreAuthorize(Permissions.HAS_SCHEDULER_READ)
	Mono<Page<CalendarEvent>> list(@RequestParam(required = false) String attendeeId,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		String attendee = EventIds.checkUser("attendeeId", blankToNull(attendeeId));
		if (cursor != null && cursor.length() > MAX_CURSOR) {
			throw InvalidEventException.of("cursor", "is not a cursor this service handed out");
		}
		return CurrentUser.current().map((user) -> this.events.list(attendee, PageRequest.of(limit, cursor), user));
	}

	@GetMapping("/events/{id}")
	@PreAuthorize(Permissions.HAS_SCHEDULER_READ)
	Mono<CalendarEvent> get(@PathVariable String id) {
		return CurrentUser.current().map((user) -> this.events.get(id, user));
	}

	@PatchMapping("/events/{id}")
	@PreAuthorize(Permissions.HAS_SCHEDULER_WRITE)
	Mono<CalendarEvent> update(@PathVariable String id, @RequestBody PatchEventRequest request,
			@RequestParam(required = false) String scope, @RequestParam(required = false) Instant occurrence) {
		return CurrentUser.current()
			.flatMap((user) -> this.events.update(id, request, EditScope.parse(scope), millis(occurrence), user));
	}

	@DeleteMapping("/events/{id}")
	@PreAuthorize(Permissions.HAS_SCHEDULER_WRITE)
	Mono<ResponseEntity<Void>> delete(@PathVariable String id, @RequestParam(required = false) String scope,
			@RequestParam(required = false) Instant occurrence) {
		return CurrentUser.current()
			.flatMap((user) -> this.events.delete(id, EditScope.parse(scope), millis(occurrence), user))
			.thenReturn(ResponseEntity.noContent().build());
	}

	@GetMapping("/occurrences")
	@PreAuthorize(Permissions.HAS_SCHEDULER_READ)
	Mono<Page<OccurrenceView>> occurrences(@RequestParam Instant from, @RequestParam Instant to,
			@RequestParam(required = false) String attendeeId) {
		// expanding is work: off the event loop
		return CurrentUser.current()
			.publishOn(Schedulers.boundedElastic())
			.map((user) -> this.occurrences.between(from, to, blankToNull(attendeeId), user));
	}

	private static Instant millis(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MILLIS) : null;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
