package hub.ameen.platform.web.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Buckets in this process's memory (bucket4j, lock-free). A full bucket is the same as
 * none, so full buckets are dropped now and then — at most once per
 * {@code sweepInterval}, at once when more than {@code maxBuckets} are held — and memory
 * follows the callers active lately, not every caller ever seen.
 */
public final class LocalRateLimitBuckets implements RateLimitBuckets {

	/** Above this many buckets, full ones are dropped on the next call. */
	public static final int DEFAULT_MAX_BUCKETS = 100_000;

	private final Map<Key, Entry> buckets = new ConcurrentHashMap<>();

	private final int maxBuckets;

	private final long sweepIntervalNanos;

	private final AtomicLong nextSweep;

	public LocalRateLimitBuckets() {
		this(DEFAULT_MAX_BUCKETS, Duration.ofMinutes(1));
	}

	public LocalRateLimitBuckets(int maxBuckets, Duration sweepInterval) {
		this.maxBuckets = maxBuckets;
		this.sweepIntervalNanos = sweepInterval.toNanos();
		this.nextSweep = new AtomicLong(System.nanoTime() + this.sweepIntervalNanos);
	}

	@Override
	public RateLimitDecision tryConsume(RateLimit limit, String key) {
		sweepWhenDue();
		Entry entry = this.buckets.computeIfAbsent(new Key(limit.name(), key), (k) -> new Entry(limit, bucket(limit)));
		ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
		return new RateLimitDecision(probe.isConsumed(), probe.getRemainingTokens(),
				probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/** How many buckets are held now (full ones not yet dropped included). */
	public int size() {
		return this.buckets.size();
	}

	/** Drops every bucket that is full again. */
	public void dropFullBuckets() {
		this.buckets.values().removeIf((entry) -> entry.bucket().getAvailableTokens() >= entry.limit().capacity());
	}

	private void sweepWhenDue() {
		long now = System.nanoTime();
		long due = this.nextSweep.get();
		boolean crowded = this.buckets.size() > this.maxBuckets;
		if ((crowded || now - due >= 0) && this.nextSweep.compareAndSet(due, now + this.sweepIntervalNanos)) {
			dropFullBuckets();
		}
	}

	private static Bucket bucket(RateLimit limit) {
		return Bucket.builder()
			.addLimit(
					(bandwidth) -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.window()))
			.build();
	}

	private record Key(String limit, String key) {
	}

	private record Entry(RateLimit limit, Bucket bucket) {
	}

}
