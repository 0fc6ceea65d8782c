package hub.ameen.platform.events;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Prunes the {@link Inbox} on a timer of its own while the application runs.
 */
final class InboxPruner implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(InboxPruner.class);

	private final Inbox inbox;

	private final Duration interval;

	private ScheduledExecutorService timer;

	InboxPruner(Inbox inbox, Duration interval) {
		this.inbox = inbox;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "inbox-pruner");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.timer.scheduleWithFixedDelay(this::prune, millis, millis, TimeUnit.MILLISECONDS);
	}

	private void prune() {
		try {
			int pruned = this.inbox.prune();
			if (pruned > 0) {
				logger.debug("Forgot {} processed event ids past their retention", pruned);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Pruning processed event ids failed; will try again in {}", this.interval, ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.timer != null) {
			this.timer.shutdownNow();
			try {
				this.timer.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.timer = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.timer != null;
	}

	@Override
	public int getPhase() {
		return OutboxRelay.PHASE;
	}

}
