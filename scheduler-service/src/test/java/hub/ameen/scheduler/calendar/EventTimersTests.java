package hub.ameen.scheduler.calendar;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;
import hub.ameen.platform.test.MutableClock;
import hub.ameen.scheduler.clock.ClockProperties;
import hub.ameen.scheduler.clock.Timer;
import hub.ameen.scheduler.clock.TimerClock;
import hub.ameen.scheduler.clock.TimerIndex;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timers of events on a real store and outbox, driven by a clock the test moves.
 */
class EventTimersTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@TempDir
	Path dir;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-10-18T12:00:00Z"));

	private Store store;

	private TimerIndex timers;

	private EventStore events;

	private EventTimers eventTimers;

	private Outbox outbox;

	private TimerClock timerClock;

	private EventMaintenance maintenance;

	@BeforeEach
	void open() {
		this.store = Store.open(StoreOptions.at(this.dir));
		this.timers = new TimerIndex(this.store, mapper);
		this.outbox = new Outbox(this.store);
		this.events = new EventStore(this.store, this.outbox, mapper);
		this.eventTimers = new EventTimers(this.timers, this.events, this.outbox);
		this.timerClock = new TimerClock(this.store, this.timers, List.of(this.eventTimers), this.clock,
				ClockProperties.defaults(), new SimpleMeterRegistry());
		this.maintenance = new EventMaintenance(this.store, this.events, this.eventTimers, this.outbox, this.clock,
				this.timerClock);
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void aWeeklyReminderFiresAtTheSameLocalTimeEachWeekAcrossTheDaylightSavingChange() {
		Instant first = at("2026-10-19T09:00");
		save(event("weekly", first, first.plus(Duration.ofHours(1)), "FREQ=WEEKLY;BYDAY=MO;COUNT=3", 15));

		assertThat(slots("weekly")).containsOnlyKeys("weekly/reminder/15", "weekly/started", "weekly/ended");
		assertThat(due("weekly/reminder/15")).isEqualTo(Instant.parse("2026-10-19T12:45:00Z"));

		assertThat(fireAt(Instant.parse("2026-10-19T12:45:00Z"))).isEqualTo(1);
		assertThat(fireAt(Instant.parse("2026-10-19T13:00:00Z"))).isEqualTo(1);
		assertThat(fireAt(Instant.parse("2026-10-19T14:00:00Z"))).isEqualTo(1);
		assertThat(due("weekly/reminder/15")).isEqualTo(Instant.parse("2026-10-26T12:45:00Z"));
		fireAt(Instant.parse("2026-10-26T12:45:00Z"));
		assertThat(fireAt(Instant.parse("2026-10-26T14:00:00Z"))).isEqualTo(2);
		// after the change to standard time, 08:45 local is 13:45 UTC
		assertThat(due("weekly/reminder/15")).isEqualTo(Instant.parse("2026-11-02T13:45:00Z"))
			.isEqualTo(at("2026-11-02T08:45"));
		assertThat(due("weekly/started")).isEqualTo(Instant.parse("2026-11-02T14:00:00Z"));

		this.clock.set(Instant.parse("2026-11-02T15:00:00Z"));
		this.timerClock.fireDue();

		assertThat(slots("weekly")).isEmpty();
		assertThat(this.outbox.backlog()).isEqualTo(9);
		assertThat(this.timerClock.status().fired()).isEqualTo(9);
		// the Oct 26 start and the Nov 2 reminder and start fired after the clock jumped
		// past them
		assertThat(this.timerClock.status().late()).isEqualTo(3);
	}

	@Test
	void changingAnEventKeepsItsOverdueReminderThatHasNotFiredYet() {
		Instant start = Instant.parse("2026-10-18T13:00:00Z");
		CalendarEvent event = event("edited", start, start.plusSeconds(1800), null, 30);
		save(event);
		this.clock.set(Instant.parse("2026-10-18T12:31:00Z"));

		save(new PatchEventRequest("Renamed", null, null, null, null, null, null, null, null, null, null, null)
			.applyTo(event));

		assertThat(due("edited/reminder/30")).isEqualTo(Instant.parse("2026-10-18T12:30:00Z"));
		assertThat(this.timerClock.fireDue()).isEqualTo(1);
		assertThat(this.outbox.backlog()).isEqualTo(1);
	}

	@Test
	void aReminderWhoseTimeHasPassedWhenItIsAddedDoesNotFire() {
		Instant start = Instant.parse("2026-10-18T12:10:00Z");
		save(event("late-add", start, start.plusSeconds(600), null, 15));

		assertThat(slots("late-add")).containsOnlyKeys("late-add/started", "late-add/ended");
	}

	@Test
	void cancelledAndDeletedEventsFireNothing() {
		Instant start = Instant.parse("2026-10-18T13:00:00Z");
		CalendarEvent cancelled = event("cancelled", start, start.plusSeconds(60), "FREQ=DAILY", 5);
		save(cancelled);
		save(cancelled.withStatus(EventStatus.CANCELLED, this.clock.instant()));
		CalendarEvent deleted = event("deleted", start, start.plusSeconds(60), "FREQ=DAILY", 5);
		save(deleted);
		this.store.writeAndWait((txn) -> this.events.deleteReplica(txn, "deleted", this.clock.instant()));

		assertThat(slots("cancelled")).isEmpty();
		this.clock.set(start.plusSeconds(120));
		assertThat(this.timerClock.fireDue()).isEqualTo(3);
		assertThat(this.outbox.backlog()).isZero();
		assertThat(slots("deleted")).isEmpty();
	}

	@Test
	void theSweepCompletesFinishedEventsAndRecreatesMissingTimers() {
		Instant past = Instant.parse("2026-10-17T09:00:00Z");
		save(event("over", past, past.plusSeconds(3600), null, 10));
		Instant future = Instant.parse("2026-10-20T09:00:00Z");
		save(event("future", future, future.plusSeconds(3600), "FREQ=DAILY", 10));
		this.store.writeAndWait((txn) -> {
			this.timers.cancelOwner(txn, "future");
			return null;
		});

		assertThat(this.maintenance.sweep()).isEqualTo(1);

		assertThat(this.events.get("over").orElseThrow().status()).isEqualTo(EventStatus.COMPLETED);
		assertThat(slots("future")).containsOnlyKeys("future/reminder/10", "future/started", "future/ended");
		assertThat(due("future/reminder/10")).isEqualTo(future.minusSeconds(600));

		assertThat(this.maintenance.purgeCompletedBefore(this.clock.instant())).isZero();
		assertThat(this.maintenance.purgeCompletedBefore(this.clock.instant().plusSeconds(1))).isEqualTo(1);
		assertThat(this.events.get("over")).isEmpty();
		assertThat(this.events.get("future")).isPresent();
	}

	private int fireAt(Instant instant) {
		this.clock.set(instant);
		return this.timerClock.fireDue();
	}

	/**
	 * Keeps the event as a copy (no changelog state in the outbox), so that the backlog
	 * counts only what fires.
	 */
	private void save(CalendarEvent event) {
		this.store.writeAndWait((txn) -> {
			this.events.putReplica(txn, event);
			this.eventTimers.materialise(txn, event, this.clock.instant());
			return null;
		});
	}

	private Map<String, Timer> slots(String eventId) {
		return this.store.read((txn) -> this.timers.ofOwner(txn, eventId))
			.stream()
			.collect(Collectors.toMap(Timer::id, Function.identity()));
	}

	private Instant due(String slot) {
		return this.store.read((txn) -> this.timers.slot(txn, slot)).orElseThrow().dueAt();
	}

	private CalendarEvent event(String id, Instant start, Instant end, String rule, int minutesBefore) {
		return new CreateEventRequest("Event " + id, null, null, start, end, NEW_YORK.getId(), false, rule, null,
				List.of(new Reminder(minutesBefore)), List.of("u2"), null)
			.toEvent(id, "u1", this.clock.instant());
	}

	private static Instant at(String local) {
		return LocalDateTime.parse(local).atZone(NEW_YORK).toInstant();
	}

}
