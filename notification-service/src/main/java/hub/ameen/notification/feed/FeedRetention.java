package hub.ameen.notification.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import hub.ameen.platform.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The feed's cleanup: every {@code cleanup-interval} (hourly) it removes the entries that
 * happened longer than {@code retention} ago by the injected clock, in batches.
 */
@Component
class FeedRetention implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(FeedRetention.class);

	private static final int BATCH = 5_000;

	private final Store store;

	private final FeedStore feed;

	private final FeedProperties properties;

	private final Clock clock;

	private ScheduledExecutorService timer;

	FeedRetention(Store store, FeedStore feed, FeedProperties properties, Clock clock) {
		this.store = store;
		this.feed = feed;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Removes every entry past its retention now.
	 * @return how many were removed
	 */
	int removeExpired() {
		Instant cutoff = this.clock.instant().minus(this.properties.retention());
		int total = 0;
		int removed;
		do {
			removed = this.store.writeAndWait((txn) -> this.feed.removeBefore(txn, cutoff, BATCH));
			total += removed;
		}
		while (removed == BATCH);
		return total;
	}

	private void run() {
		try {
			int removed = removeExpired();
			if (removed > 0) {
				logger.info("Removed {} feed entries older than {}", removed, this.properties.retention());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Removing old feed entries failed; will try again in {}", this.properties.cleanupInterval(),
					ex);
		}
	}

	@Override
	public synchronized void start() {
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "feed-retention");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.properties.cleanupInterval().toMillis();
		this.timer.scheduleWithFixedDelay(this::run, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.timer != null) {
			this.timer.shutdownNow();
			this.timer = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.timer != null;
	}

}
