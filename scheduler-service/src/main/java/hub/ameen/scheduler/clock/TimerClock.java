package hub.ameen.scheduler.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import hub.ameen.platform.events.EventEnvelope;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The one clock thread: sleeps until the earliest timer is due (woken early when a nearer
 * one is scheduled), then fires every due timer of the partitions its {@link FiringLease}
 * holds. Each timer is removed, announced and followed by its slot's next timer in ONE
 * store transaction, so it fires exactly once: a crash before the commit leaves it due, a
 * commit leaves it gone. On start it catches up on whatever came due while the service
 * was down, marking it late.
 * <p>
 * Every firing is remembered by (slot, occurrence), and so is every firing of another
 * instance read back from the scheduler's topics ({@link #observe}): a timer whose
 * occurrence fired anywhere is advanced without being announced again.
 * <p>
 * Time comes from the injected {@link Clock}; tests drive {@link #fireDue()} directly.
 */
public final class TimerClock implements SmartLifecycle {

	/** The most due timers {@link #status()} counts. */
	public static final int BACKLOG_CAP = 10_000;

	private static final Logger logger = LoggerFactory.getLogger(TimerClock.class);

	private static final String FIRED = "fired";

	private static final String LATE = "late";

	private static final String SKIPPED = "skipped";

	/** The most occurrences of one slot advanced at once past firings seen elsewhere. */
	private static final int MAX_ADVANCES = 1000;

	private final Store store;

	private final TimerIndex timers;

	private final Map<String, TimerHandler> handlers = new HashMap<>();

	private final Clock clock;

	private final ClockProperties properties;

	private final ClockMetrics metrics;

	private final Collection<String, Long> counters;

	private final Semaphore wake = new Semaphore(0);

	private final ReentrantLock firing = new ReentrantLock();

	private final FiringLease lease;

	private volatile boolean running;

	private volatile Thread thread;

	private volatile Instant lastTick;

	public TimerClock(Store store, TimerIndex timers, List<TimerHandler> handlers, Clock clock,
			ClockProperties properties, MeterRegistry registry) {
		this(store, timers, handlers, clock, properties, registry, FiringLease.ALL);
	}

	public TimerClock(Store store, TimerIndex timers, List<TimerHandler> handlers, Clock clock,
			ClockProperties properties, MeterRegistry registry, FiringLease lease) {
		this.store = store;
		this.lease = lease;
		this.timers = timers;
		this.clock = clock;
		this.properties = properties;
		handlers.forEach((handler) -> handler.kinds().forEach((kind) -> this.handlers.put(kind, handler)));
		this.metrics = new ClockMetrics(registry, this.handlers.keySet());
		this.counters = store.collection("clock.counters", Codec.utf8(), Codec.longKey());
		timers.onScheduled(this::wakeUp);
	}

	/**
	 * Fires every timer due at the clock's current time, including those its firings make
	 * due.
	 * @return how many timers fired
	 */
	public int fireDue() {
		int total = 0;
		while (true) {
			Instant now = this.clock.instant();
			this.lastTick = now;
			if (this.store.read((txn) -> this.timers.due(txn, now, 1, this::held).isEmpty())) {
				return total;
			}
			this.firing.lock();
			try {
				total += fireBatchOrEach(now);
			}
			finally {
				this.firing.unlock();
			}
		}
	}

	/**
	 * Runs a change of the partitions held between two firing transactions: once it
	 * returns, no firing of a partition it took away is under way or will start.
	 */
	public void fence(Runnable change) {
		this.firing.lock();
		try {
			change.run();
		}
		finally {
			this.firing.unlock();
		}
		wakeUp();
	}

	/** Whether this instance fires this timer's partition now. */
	private boolean held(Timer timer) {
		return this.lease.holds(timer.ownerId());
	}

	/** Whether this instance fires the timers of this event, task or user now. */
	public boolean holds(String ownerId) {
		return this.lease.holds(ownerId);
	}

	/**
	 * Fires what is due when the writer runs the firing: the time is read inside the
	 * transaction, so a firing that waited for the writer (behind a long write) is judged
	 * late by when it really fired, not by when the clock looked.
	 */
	private int fireBatchOrEach(Instant now) {
		try {
			return this.store.writeAndWait((txn) -> {
				Instant firedAt = this.clock.instant();
				return fire(txn, this.timers.due(txn, firedAt, this.properties.batchSize(), this::held), firedAt);
			});
		}
		catch (RuntimeException ex) {
			logger.warn("Firing a batch of timers failed; firing them one by one", ex);
			int fired = 0;
			for (Timer timer : this.store
				.read((txn) -> this.timers.due(txn, now, this.properties.batchSize(), this::held))) {
				fired += fireAlone(timer);
			}
			return fired;
		}
	}

	private int fireAlone(Timer timer) {
		try {
			return this.store.writeAndWait((txn) -> fire(txn, List.of(timer), this.clock.instant()));
		}
		catch (RuntimeException ex) {
			logger.error("Timer {} failed to fire; it is set aside in clock.failed", timer.id(), ex);
			this.store.writeAndWait((txn) -> {
				this.timers.setAside(txn, timer);
				return null;
			});
			return 0;
		}
	}

	private int fire(WriteTxn txn, List<Timer> due, Instant now) {
		List<Timer> fired = new ArrayList<>(due.size());
		List<Firing> firings = new ArrayList<>(due.size());
		for (Timer timer : due) {
			if (!held(timer) || !this.timers.cancel(txn, timer)) {
				continue;
			}
			if (this.timers.wasFired(txn, timer.id(), timer.occurrenceStart())) {
				// another instance fired it (or this one, before an edit planned it
				// again)
				advanceQuietly(txn, timer, now);
				continue;
			}
			Firing firing = firing(timer, now);
			this.timers.markFired(txn, timer.id(), timer.occurrenceStart());
			handler(timer).flatMap((handler) -> handler.fire(txn, timer, firing))
				.ifPresent((next) -> this.timers.schedule(txn, next));
			fired.add(timer);
			firings.add(firing);
		}
		add(txn, FIRED, firings.stream().filter((firing) -> !firing.skipped()).count());
		add(txn, LATE, firings.stream().filter((firing) -> firing.late() && !firing.skipped()).count());
		add(txn, SKIPPED, firings.stream().filter(Firing::skipped).count());
		txn.afterCommit(() -> {
			for (int i = 0; i < fired.size(); i++) {
				this.metrics.fired(fired.get(i), firings.get(i));
			}
		});
		return fired.size();
	}

	/**
	 * Learns that another instance (or this one) fired a slot's occurrence, from the
	 * event it published: remembers it, and advances the slot past it without announcing
	 * anything, so that this instance never fires it again when it takes the partition
	 * over. Idempotent; events that are no firing are ignored.
	 * @param event an event read from one of the scheduler's own topics
	 * @return whether it was a firing this instance had not known of
	 */
	public boolean observe(EventEnvelope event) {
		FiredSlot fired = this.handlers.values()
			.stream()
			.distinct()
			.flatMap((handler) -> handler.firedBy(event).stream())
			.findFirst()
			.orElse(null);
		if (fired == null
				|| this.store.read((txn) -> this.timers.wasFired(txn, fired.slotId(), fired.occurrenceStart()))) {
			return false;
		}
		return this.store.writeAndWait((txn) -> {
			this.timers.markFired(txn, fired.slotId(), fired.occurrenceStart());
			Instant now = this.clock.instant();
			for (int guard = 0; guard < MAX_ADVANCES; guard++) {
				Timer timer = this.timers.slot(txn, fired.slotId()).orElse(null);
				if (timer == null || timer.occurrenceStart().isAfter(fired.occurrenceStart())) {
					break;
				}
				this.timers.cancel(txn, timer);
				advanceQuietly(txn, timer, now);
			}
			return true;
		});
	}

	/**
	 * Advances the timers of an event, task or user whose occurrence already fired
	 * somewhere, in the caller's transaction: after a change read from another instance
	 * planned them again.
	 */
	public void settle(WriteTxn txn, String ownerId) {
		Instant now = this.clock.instant();
		for (int guard = 0; guard < MAX_ADVANCES; guard++) {
			Timer fired = this.timers.ofOwner(txn, ownerId)
				.stream()
				.filter((timer) -> this.timers.wasFired(txn, timer.id(), timer.occurrenceStart()))
				.findFirst()
				.orElse(null);
			if (fired == null) {
				return;
			}
			this.timers.cancel(txn, fired);
			advanceQuietly(txn, fired, now);
		}
	}

	/**
	 * Forgets the firings of occurrences before the cutoff.
	 * @return how many were forgotten
	 */
	public int forgetFiredBefore(Instant cutoff) {
		return this.store.writeAndWait((txn) -> this.timers.forgetFiredBefore(txn, cutoff));
	}

	/** Runs the handler of a removed timer as a skipped firing, scheduling its next. */
	private void advanceQuietly(WriteTxn txn, Timer timer, Instant now) {
		handler(timer).flatMap((handler) -> handler.fire(txn, timer, new Firing(now, false, true)))
			.ifPresent((next) -> this.timers.schedule(txn, next));
	}

	private Firing firing(Timer timer, Instant now) {
		Duration lag = Duration.between(timer.dueAt(), now);
		boolean skipped = lag.compareTo(this.properties.catchUpWindow()) > 0;
		boolean late = lag.compareTo(this.properties.lateAfter()) > 0;
		return new Firing(now, late, skipped || !this.handlers.containsKey(timer.kind()));
	}

	private Optional<TimerHandler> handler(Timer timer) {
		TimerHandler handler = this.handlers.get(timer.kind());
		if (handler == null) {
			logger.warn("No handler fires timers of kind {}; dropping {}", timer.kind(), timer.id());
		}
		return Optional.ofNullable(handler);
	}

	private void add(WriteTxn txn, String counter, long delta) {
		if (delta > 0) {
			this.counters.put(txn, counter, this.counters.get(txn, counter).orElse(0L) + delta);
		}
	}

	/** The clock's state, for the service endpoint. */
	public ClockStatus status() {
		Instant now = this.clock.instant();
		return this.store.read((txn) -> new ClockStatus(this.running, now, this.lastTick,
				this.timers.next(txn, this::held, Instant.ofEpochMilli(Long.MAX_VALUE)).map(Timer::dueAt).orElse(null),
				this.timers.due(txn, now, BACKLOG_CAP, this::held).size(), this.timers.size(txn),
				this.counters.get(txn, FIRED).orElse(0L), this.counters.get(txn, LATE).orElse(0L),
				this.counters.get(txn, SKIPPED).orElse(0L), this.lease.instanceId(), this.lease.partitions()));
	}

	/** Makes the sleeping clock look at the index again. */
	public void wakeUp() {
		if (this.wake.availablePermits() == 0) {
			this.wake.release();
		}
	}

	@Override
	public void start() {
		if (!this.properties.enabled() || this.running) {
			return;
		}
		this.running = true;
		this.thread = new Thread(this::run, "scheduler-clock");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread current = this.thread;
		if (current != null) {
			wakeUp();
			try {
				current.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.thread = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		while (this.running) {
			try {
				fireDue();
				long sleep = millisUntilNext();
				if (sleep > 0) {
					this.wake.tryAcquire(sleep, TimeUnit.MILLISECONDS);
				}
				this.wake.drainPermits();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				if (this.running) {
					logger.error("The clock failed a tick; trying again in a second", ex);
					pause();
				}
			}
		}
	}

	private long millisUntilNext() {
		long idle = this.properties.idleWake().toMillis();
		Instant horizon = this.clock.instant().plusMillis(idle);
		return this.store.read((txn) -> this.timers.next(txn, this::held, horizon))
			.map((next) -> Math.min(next.dueAt().toEpochMilli() - this.clock.millis(), idle))
			.orElse(idle);
	}

	private void pause() {
		try {
			this.wake.tryAcquire(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
