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
 * one is scheduled), then fires every due timer. Each timer is removed, announced and
 * followed by its slot's next timer in ONE store transaction, so it fires exactly once: a
 * crash before the commit leaves it due, a commit leaves it gone. On start it catches up
 * on whatever came due while the service was down, marking it late.
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

	private final Store store;

	private final TimerIndex timers;

	private final Map<String, TimerHandler> handlers = new HashMap<>();

	private final Clock clock;

	private final ClockProperties properties;

	private final ClockMetrics metrics;

	private final Collection<String, Long> counters;

	private final Semaphore wake = new Semaphore(0);

	private volatile boolean running;

	private volatile Thread thread;

	private volatile Instant lastTick;

	public TimerClock(Store store, TimerIndex timers, List<TimerHandler> handlers, Clock clock,
			ClockProperties properties, MeterRegistry registry) {
		this.store = store;
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
			if (this.store.read((txn) -> this.timers.due(txn, now, 1).isEmpty())) {
				return total;
			}
			total += fireBatchOrEach(now);
		}
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
				return fire(txn, this.timers.due(txn, firedAt, this.properties.batchSize()), firedAt);
			});
		}
		catch (RuntimeException ex) {
			logger.warn("Firing a batch of timers failed; firing them one by one", ex);
			int fired = 0;
			for (Timer timer : this.store.read((txn) -> this.timers.due(txn, now, this.properties.batchSize()))) {
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
			if (!this.timers.cancel(txn, timer)) {
				continue;
			}
			Firing firing = firing(timer, now);
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
				this.timers.next(txn).map(Timer::dueAt).orElse(null), this.timers.due(txn, now, BACKLOG_CAP).size(),
				this.timers.size(txn), this.counters.get(txn, FIRED).orElse(0L),
				this.counters.get(txn, LATE).orElse(0L), this.counters.get(txn, SKIPPED).orElse(0L)));
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
		return this.store.read((txn) -> this.timers.next(txn))
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
