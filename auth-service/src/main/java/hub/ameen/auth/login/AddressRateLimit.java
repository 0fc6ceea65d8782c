package hub.ameen.auth.login;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import hub.ameen.auth.config.AuthProperties;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client address: {@code attempts-per-address} login attempts,
 * refilled over {@code address-window}. Full buckets are dropped now and then, so memory
 * follows the addresses active lately.
 */
@Component
class AddressRateLimit {

	/**
	 * Above this many addresses, full buckets are dropped at once rather than on
	 * schedule.
	 */
	private static final int MAX_TRACKED = 100_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final int capacity;

	private final Duration window;

	AddressRateLimit(AuthProperties properties) {
		this.capacity = properties.login().attemptsPerAddress();
		this.window = properties.login().addressWindow();
	}

	/**
	 * Takes one attempt from the address's bucket.
	 * @param address the client address
	 * @throws TooManyAttemptsException when the bucket is empty
	 */
	void acquire(String address) {
		if (this.buckets.size() > MAX_TRACKED) {
			dropFullBuckets();
		}
		ConsumptionProbe probe = this.buckets.computeIfAbsent(address, (key) -> newBucket())
			.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new TooManyAttemptsException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	@Scheduled(fixedDelayString = "${hub.auth.login.address-window:1m}")
	void dropFullBuckets() {
		this.buckets.values().removeIf((bucket) -> bucket.getAvailableTokens() >= this.capacity);
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(this.capacity).refillGreedy(this.capacity, this.window))
			.build();
	}

}
