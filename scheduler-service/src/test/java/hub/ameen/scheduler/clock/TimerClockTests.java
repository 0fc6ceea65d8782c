package hub.ameen.scheduler.clock;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.platform.test.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TimerClockTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

	@TempDir
	Path dir;

	private final MutableClock clock = new MutableClock(T0.minusSeconds(60));

	private final List<AutoCloseable> open = new ArrayList<>();

	private Store store;

	private TimerIndex timers;

	private Announcements announcements;

	private TimerClock timerClock;

	@BeforeEach
	void openStore() {
		reopen(this.clock, ClockProperties.defaults());
	}

	@AfterEach
	void closeStore() throws Exception {
		for (int i = this.open.size() - 1; i >= 0; i--) {
			this.open.get(i).close();
		}
	}

	@Test
	void firesADueTimerOnceAndOnlyWhenDue() {
		schedule(timer("a", T0));

		this.clock.set(T0.minusMillis(1));
		assertThat(this.timerClock.fireDue()).isZero();
		this.clock.set(T0);
		assertThat(this.timerClock.fireDue()).isEqualTo(1);
		assertThat(this.timerClock.fireDue()).isZero();

		assertThat(this.announcements.all()).containsExactly(Map.entry("a@" + T0, "on time"));
		assertThat(this.store.read(this.timers::size)).isZero();
		assertThat(this.timerClock.status()).satisfies((status) -> {
			assertThat(status.fired()).isEqualTo(1);
			assertThat(status.late()).isZero();
			assertThat(status.pending()).isZero();
		});
	}

	@Test
	void firingSchedulesTheSlotsNextTimerInTheSameTransaction() {
		this.announcements.repeatEvery = Duration.ofHours(1);
		schedule(timer("daily", T0));

		this.clock.set(T0.plusSeconds(1));
		this.timerClock.fireDue();

		Timer next = this.store.read((txn) -> this.timers.slot(txn, "daily")).orElseThrow();
		assertThat(next.dueAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
		assertThat(this.timerClock.status().nextDueAt()).isEqualTo(next.dueAt());
		assertThat(this.timerClock.status().backlog()).isZero();
	}

	@Test
	void schedulingASlotAgainReplacesItsTimer() {
		schedule(timer("slot", T0));
		schedule(timer("slot", T0.plusSeconds(30)));

		this.clock.set(T0.plusSeconds(10));
		assertThat(this.timerClock.fireDue()).isZero();
		this.clock.set(T0.plusSeconds(30));
		assertThat(this.timerClock.fireDue()).isEqualTo(1);
		assertThat(this.announcements.all()).containsOnlyKeys("slot@" + T0.plusSeconds(30));
	}

	@Test
	void aTimerFiresOnceAcrossARestartOfTheStoreAndClock() throws Exception {
		schedule(timer("once", T0));
		this.clock.set(T0);
		this.timerClock.fireDue();

		closeStore();
		this.open.clear();
		reopen(this.clock, ClockProperties.defaults());
		this.clock.advance(Duration.ofMinutes(5));

		assertThat(this.timerClock.fireDue()).isZero();
		assertThat(this.announcements.all()).hasSize(1);
		assertThat(this.timerClock.status().fired()).isEqualTo(1);
	}

	@Test
	void aTimerDueWhileTheServiceWasDownFiresOnceOnStartMarkedLate() throws Exception {
		schedule(timer("missed", T0));
		closeStore();
		this.open.clear();

		this.clock.set(T0.plus(Duration.ofMinutes(10)));
		reopen(this.clock, ClockProperties.defaults());
		this.timerClock.start();

		await().atMost(Duration.ofSeconds(5)).until(() -> this.announcements.all().size() == 1);
		assertThat(this.announcements.all()).containsExactly(Map.entry("missed@" + T0, "late"));
		assertThat(this.timerClock.status()).satisfies((status) -> {
			assertThat(status.fired()).isEqualTo(1);
			assertThat(status.late()).isEqualTo(1);
			assertThat(status.lastTick()).isEqualTo(this.clock.instant());
		});
	}

	@Test
	void aTimerThatWaitsForTheWriterIsMarkedLateByWhenItReallyFired() throws Exception {
		AtomicInteger reads = new AtomicInteger();
		closeStore();
		this.open.clear();
		reopen(counting(reads), ClockProperties.defaults());
		schedule(timer("waits", T0));
		this.clock.set(T0);
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		// a long write holds the single writer, as a costly edit once did
		CompletableFuture<String> held = this.store.write((txn) -> {
			entered.countDown();
			awaitThen(release, () -> 0);
			return "held";
		}).toFuture();
		assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

		int before = reads.get();
		CompletableFuture<Integer> firing = CompletableFuture.supplyAsync(this.timerClock::fireDue);
		await().atMost(Duration.ofSeconds(10)).until(() -> reads.get() > before);
		this.clock.advance(Duration.ofSeconds(31));
		release.countDown();

		assertThat(held.get(30, TimeUnit.SECONDS)).isEqualTo("held");
		assertThat(firing.get(30, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(this.announcements.all()).containsExactly(Map.entry("waits@" + T0, "late"));
		assertThat(this.announcements.firedAt).containsExactly(T0.plusSeconds(31));
		assertThat(this.timerClock.status().late()).isEqualTo(1);
	}

	@Test
	void catchUpAnnouncesEveryMissedOccurrenceAndSkipsThoseBeyondTheWindow() {
		this.announcements.repeatEvery = Duration.ofHours(6);
		schedule(timer("six-hourly", T0));

		this.clock.set(T0.plus(Duration.ofHours(30)).plusSeconds(1));
		this.timerClock.fireDue();

		// due at T0 and T0+6h: over 24 h late, skipped; T0+12h..24h late; T0+30h on time
		assertThat(this.announcements.all()).containsExactly(Map.entry(at(T0, 12), "late"),
				Map.entry(at(T0, 18), "late"), Map.entry(at(T0, 24), "late"), Map.entry(at(T0, 30), "on time"));
		assertThat(this.timerClock.status().skipped()).isEqualTo(2);
		assertThat(this.timerClock.status().late()).isEqualTo(3);
		assertThat(this.store.read((txn) -> this.timers.slot(txn, "six-hourly")).orElseThrow().dueAt())
			.isEqualTo(T0.plus(Duration.ofHours(36)));
	}

	@Test
	void twoClocksOnOneStoreNeverFireATimerTwice() throws Exception {
		int count = 300;
		this.store.writeAndWait((txn) -> {
			for (int i = 0; i < count; i++) {
				this.timers.schedule(txn, timer("t" + i, T0.plusMillis(i)));
			}
			return null;
		});
		TimerClock other = new TimerClock(this.store, this.timers, List.of(this.announcements), this.clock,
				new ClockProperties(true, Duration.ofSeconds(2), Duration.ofHours(1), 7, Duration.ofSeconds(1)),
				new SimpleMeterRegistry());
		this.clock.set(T0.plusSeconds(1));

		CountDownLatch go = new CountDownLatch(1);
		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> awaitThen(go, this.timerClock::fireDue));
		CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> awaitThen(go, other::fireDue));
		go.countDown();

		assertThat(first.get(30, TimeUnit.SECONDS) + second.get(30, TimeUnit.SECONDS)).isEqualTo(count);
		assertThat(this.announcements.all()).hasSize(count);
		assertThat(this.announcements.calls).isEqualTo(count);
	}

	@Test
	void aTimerWhoseHandlerFailsIsSetAsideAndTheOthersStillFire() {
		schedule(timer("good-1", T0));
		schedule(timer("poison", T0.plusMillis(1)));
		schedule(timer("good-2", T0.plusMillis(2)));

		this.clock.set(T0.plusSeconds(1));
		this.timerClock.fireDue();

		assertThat(this.announcements.all()).containsOnlyKeys("good-1@" + T0, "good-2@" + T0.plusMillis(2));
		assertThat(this.store.read(this.timers::size)).isZero();
	}

	@Test
	void onTheRealClockATimerAddedWhileTheClockSleepsFiresWithinASecondOfItsDueTime() throws Exception {
		closeStore();
		this.open.clear();
		// a long idle sleep: only the wake-up on scheduling can make it fire on time
		reopen(Clock.systemUTC(),
				new ClockProperties(true, Duration.ofSeconds(2), Duration.ofHours(24), 200, Duration.ofMinutes(5)));
		schedule(timer("far", Instant.now().plus(Duration.ofHours(1))));
		this.timerClock.start();
		await().until(() -> this.timerClock.status().lastTick() != null);

		Instant due = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
		schedule(timer("soon", due));

		await().atMost(Duration.ofSeconds(4)).until(() -> this.announcements.all().size() == 1);
		Instant firedAt = this.announcements.firedAt.get(0);
		assertThat(Duration.between(due, firedAt)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
		assertThat(this.announcements.all()).containsExactly(Map.entry("soon@" + due, "on time"));
		await().during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(3))
			.until(() -> this.announcements.all().size() == 1);
	}

	/** The test clock, counting how often it is read. */
	private Clock counting(AtomicInteger reads) {
		MutableClock time = this.clock;
		return new Clock() {
			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				reads.incrementAndGet();
				return time.instant();
			}
		};
	}

	private void reopen(Clock time, ClockProperties properties) {
		this.store = Store.open(StoreOptions.at(this.dir));
		this.open.add(this.store);
		this.timers = new TimerIndex(this.store, mapper);
		this.announcements = new Announcements(this.store);
		this.timerClock = new TimerClock(this.store, this.timers, List.of(this.announcements), time, properties,
				new SimpleMeterRegistry());
		this.open.add(this.timerClock::stop);
	}

	private void schedule(Timer timer) {
		this.store.writeAndWait((txn) -> {
			this.timers.schedule(txn, timer);
			return null;
		});
	}

	private static String at(Instant start, int hours) {
		return "six-hourly@" + start.plus(Duration.ofHours(hours));
	}

	private static Timer timer(String slot, Instant due) {
		return new Timer(slot, "test", "owner-" + slot, due, due, null);
	}

	private static int awaitThen(CountDownLatch latch, java.util.function.IntSupplier work) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return work.getAsInt();
	}

	/**
	 * A handler that records each announcement durably, in the firing transaction, and
	 * optionally repeats its slot.
	 */
	static final class Announcements implements TimerHandler {

		private final Store store;

		private final Collection<String, String> fired;

		final List<Instant> firedAt = new java.util.concurrent.CopyOnWriteArrayList<>();

		volatile Duration repeatEvery;

		volatile int calls;

		Announcements(Store store) {
			this.store = store;
			this.fired = store.collection("test.announcements", Codec.utf8(), Codec.utf8());
		}

		@Override
		public Set<String> kinds() {
			return Set.of("test");
		}

		@Override
		public Optional<Timer> fire(WriteTxn txn, Timer timer, Firing firing) {
			if (timer.id().equals("poison")) {
				throw new IllegalStateException("poison");
			}
			if (!firing.skipped()) {
				this.fired.put(txn, timer.id() + "@" + timer.occurrenceStart(), firing.late() ? "late" : "on time");
				txn.afterCommit(() -> {
					this.calls++;
					this.firedAt.add(firing.firedAt());
				});
			}
			Duration repeat = this.repeatEvery;
			return (repeat != null) ? Optional.of(new Timer(timer.id(), timer.kind(), timer.ownerId(),
					timer.dueAt().plus(repeat), timer.occurrenceStart().plus(repeat), null)) : Optional.empty();
		}

		Map<String, String> all() {
			return this.store.read((txn) -> {
				Map<String, String> all = new java.util.TreeMap<>();
				this.fired.forEach(txn, null, (key, value) -> {
					all.put(key, value);
					return true;
				});
				return all;
			});
		}

	}

}
