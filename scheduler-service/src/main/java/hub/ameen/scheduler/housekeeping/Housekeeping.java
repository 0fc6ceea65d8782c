package hub.ameen.scheduler.housekeeping;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import hub.ameen.scheduler.calendar.EventMaintenance;
import hub.ameen.scheduler.clock.TimerClock;
import hub.ameen.scheduler.task.TaskDeadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the sweep every {@code hub.scheduler.sweep-interval} (first at start-up) and the
 * cleanup every {@code hub.scheduler.cleanup-interval}, on one thread of their own.
 */
@Component
class Housekeeping implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Housekeeping.class);

	private final EventMaintenance events;

	private final TaskDeadlines tasks;

	private final HousekeepingProperties properties;

	private final Clock clock;

	private final TimerClock timerClock;

	private volatile ScheduledExecutorService executor;

	Housekeeping(EventMaintenance events, TaskDeadlines tasks, HousekeepingProperties properties, Clock clock,
			TimerClock timerClock) {
		this.timerClock = timerClock;
		this.events = events;
		this.tasks = tasks;
		this.properties = properties;
		this.clock = clock;
	}

	/** Completes past events and creates missing timers. */
	void sweep() {
		int completed = this.events.sweep();
		if (completed > 0) {
			logger.info("Completed {} past event(s)", completed);
		}
	}

	/**
	 * Removes completed events, closed tasks and the memory of firings older than the
	 * retention.
	 */
	void cleanup() {
		Instant cutoff = this.clock.instant().minus(this.properties.retention());
		int events = this.events.purgeCompletedBefore(cutoff);
		int tasks = this.tasks.purgeClosedBefore(cutoff);
		this.timerClock.forgetFiredBefore(cutoff);
		if (events + tasks > 0) {
			logger.info("Removed {} completed event(s) and {} closed task(s) older than {}", events, tasks, cutoff);
		}
	}

	@Override
	public void start() {
		if (!this.properties.housekeeping()) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "scheduler-housekeeping");
			thread.setDaemon(true);
			return thread;
		});
		long sweep = this.properties.sweepInterval().toMillis();
		long cleanup = this.properties.cleanupInterval().toMillis();
		this.executor.scheduleWithFixedDelay(() -> quietly("sweep", this::sweep), 0, sweep, TimeUnit.MILLISECONDS);
		this.executor.scheduleWithFixedDelay(() -> quietly("cleanup", this::cleanup), cleanup, cleanup,
				TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService current = this.executor;
		if (current != null) {
			current.shutdownNow();
			try {
				current.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	private static void quietly(String job, Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			logger.error("Housekeeping {} failed; it runs again at its next interval", job, ex);
		}
	}

}
