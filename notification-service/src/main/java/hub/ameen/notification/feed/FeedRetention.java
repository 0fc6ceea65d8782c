package hub.ameen.notification.feed;

import java.time.Clock;
import java.time.Instant;

import hub.ameen.platform.store.Store;
import hub.ameen.platform.web.chore.Chore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The feed's cleanup: every {@code cleanup-interval} (hourly) it removes the entries that
 * happened longer than {@code retention} ago by the injected clock, in batches.
 */
@Component
class FeedRetention extends Chore {

	private static final Logger logger = LoggerFactory.getLogger(FeedRetention.class);

	private static final int BATCH = 5_000;

	private final Store store;

	private final FeedStore feed;

	private final FeedProperties properties;

	private final Clock clock;

	FeedRetention(Store store, FeedStore feed, FeedProperties properties, Clock clock) {
		super("feed-retention", properties.cleanupInterval());
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

	@Override
	protected void runOnce() {
		int removed = removeExpired();
		if (removed > 0) {
			logger.info("Removed {} feed entries older than {}", removed, this.properties.retention());
		}
	}

}
