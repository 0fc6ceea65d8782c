package hub.ameen.scheduler.digest;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which day and time a user's digest fires, on real LMDB files with the clock driven by
 * the test: at the local time in the user's zone, once a day, also across a restart, late
 * after a stop, and never twice in one day when the time changes after it went out.
 */
class DailyDigestsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path dir;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T03:00:00Z"));

	private Store store;

	private Outbox outbox;

	private TimerIndex timers;

	private DailyDigests digests;

	private TimerClock timerClock;

	@AfterEach
	void close() {
		closeStore();
	}

	@Test
	void firesAtTheLocalTimeInTheUsersZoneOnceADay() {
		open();
		// 08:00 in Riyadh (UTC+3) is 05:00 UTC
		plan("u1", "08:00", "Asia/Riyadh");
		assertThat(nextDue("u1")).isEqualTo(Instant.parse("2026-12-02T05:00:00Z"));

		this.clock.set(Instant.parse("2026-12-02T04:59:59.999Z"));
		assertThat(this.timerClock.fireDue()).isZero();
		this.clock.set(Instant.parse("2026-12-02T05:00:00.010Z"));
		assertThat(this.timerClock.fireDue()).isEqualTo(1);
		assertThat(this.outbox.backlog()).isEqualTo(1);
		assertThat(this.digests.planOf("u1").orElseThrow().lastDay()).isEqualTo(LocalDate.parse("2026-12-02"));
		assertThat(nextDue("u1")).isEqualTo(Instant.parse("2026-12-03T05:00:00Z"));
		assertThat(this.timerClock.fireDue()).isZero();
	}

	@Test
	void aTimeChangedAfterTodaysDigestMovesTomorrowsAndNeverGivesASecondToday() {
		open();
		plan("u1", "08:00", "UTC");
		this.clock.set(Instant.parse("2026-12-02T08:00:00Z"));
		assertThat(this.timerClock.fireDue()).isEqualTo(1);

		plan("u1", "09:00", "UTC");
		assertThat(nextDue("u1")).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
		// a redelivered plan and an earlier time today fire nothing more today
		plan("u1", "07:00", "UTC");
		assertThat(nextDue("u1")).isEqualTo(Instant.parse("2026-12-03T07:00:00Z"));
		this.clock.set(Instant.parse("2026-12-02T23:59:00Z"));
		assertThat(this.timerClock.fireDue()).isZero();
		assertThat(this.outbox.backlog()).isEqualTo(1);
	}

	@Test
	void aDigestDueWhileStoppedFiresOnceLateOnStartAndNotAgainAfterARestart() {
		open();
		plan("u1", "08:00", "UTC");
		closeStore();

		this.clock.set(Instant.parse("2026-12-02T10:00:00Z"));
		open();
		assertThat(this.timerClock.fireDue()).isEqualTo(1);
		assertThat(this.outbox.backlog()).isEqualTo(1);
		closeStore();

		open();
		assertThat(this.timerClock.fireDue()).isZero();
		assertThat(this.outbox.backlog()).isEqualTo(1);
		assertThat(nextDue("u1")).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
	}

	@Test
	void aUserWithoutADigestHasNoTimer() {
		open();
		plan("u1", "08:00", "UTC");
		this.store.writeAndWait((txn) -> {
			this.digests.plan(txn, new DigestPlan("u1", "08:00", "UTC", false, null), this.clock.instant());
			return null;
		});
		boolean timer = this.store.read((txn) -> this.timers.slot(txn, "u1/task.digest").isPresent());
		assertThat(timer).isFalse();
		this.clock.set(Instant.parse("2026-12-02T08:00:01Z"));
		assertThat(this.timerClock.fireDue()).isZero();
	}

	@Test
	void theNextTimeSkipsADaylightSavingGapAndPicksTomorrowWhenTodaysHasPassed() {
		// 02:30 does not exist in New York on 2027-03-14: the digest goes out at 03:30
		DigestPlan gap = new DigestPlan("u", "02:30", "America/New_York", true, null);
		assertThat(DailyDigests.next(gap, Instant.parse("2027-03-14T00:00:00Z")).map(Timer::dueAt))
			.contains(Instant.parse("2027-03-14T07:30:00Z"));
		DigestPlan passed = new DigestPlan("u", "08:00", "UTC", true, null);
		assertThat(DailyDigests.next(passed, Instant.parse("2026-12-02T08:00:01Z")).map(Timer::dueAt))
			.contains(Instant.parse("2026-12-03T08:00:00Z"));
	}

	private void plan(String user, String time, String zone) {
		this.store.writeAndWait((txn) -> {
			this.digests.plan(txn, new DigestPlan(user, time, zone, true, null), this.clock.instant());
			return null;
		});
	}

	private Instant nextDue(String user) {
		return this.store.read((txn) -> this.timers.slot(txn, user + "/task.digest")).orElseThrow().dueAt();
	}

	private void open() {
		this.store = Store.open(StoreOptions.at(this.dir));
		this.outbox = new Outbox(this.store);
		this.timers = new TimerIndex(this.store, json);
		this.digests = new DailyDigests(this.store, this.timers, this.outbox, json);
		this.timerClock = new TimerClock(this.store, this.timers, List.of(this.digests), this.clock,
				ClockProperties.defaults(), new SimpleMeterRegistry());
	}

	private void closeStore() {
		if (this.store != null) {
			this.timerClock.stop();
			this.store.close();
			this.store = null;
		}
	}

}
