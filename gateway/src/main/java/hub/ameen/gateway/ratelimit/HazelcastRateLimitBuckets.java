package hub.ameen.gateway.ratelimit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import hub.ameen.platform.web.ratelimit.LocalRateLimitBuckets;
import hub.ameen.platform.web.ratelimit.RateLimit;
import hub.ameen.platform.web.ratelimit.RateLimitBuckets;
import hub.ameen.platform.web.ratelimit.RateLimitDecision;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Buckets in a Hazelcast map that every gateway's embedded member holds a share of, so
 * that a user's calls count the same whichever gateway takes them. Each bucket's state is
 * bucket4j's own bytes, changed by compare-and-swap ({@code IMap.putIfAbsent} /
 * {@code IMap.replace}); the map drops a bucket idle for its longest window (by then it
 * is full again, the same as none), so memory follows active callers.
 * <p>
 * When the map cannot answer (this member is shutting down, partitions are migrating for
 * longer than the call timeout), the call is counted in this gateway's own memory instead
 * and in {@code hub.gateway.rate.limit.store.failures}: limits hold per gateway rather
 * than not at all, which matters for the sign-in limit (docs/decisions/0010).
 * <p>
 * The buckets own this gateway's member: the context shuts it down with them, after the
 * web server has drained.
 */
public final class HazelcastRateLimitBuckets implements RateLimitBuckets, DisposableBean {

	/** The name of the map the gateways share. */
	public static final String MAP_NAME = "hub-gateway-rate-limit-buckets";

	private static final Logger logger = LoggerFactory.getLogger(HazelcastRateLimitBuckets.class);

	private static final long LOG_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

	private final HazelcastInstance member;

	private final MapProxyManager proxies;

	private final LocalRateLimitBuckets fallback = new LocalRateLimitBuckets();

	private final Counter failures;

	private final AtomicLong nextLog = new AtomicLong(System.nanoTime());

	public HazelcastRateLimitBuckets(HazelcastInstance member, MeterRegistry meters) {
		this.member = member;
		this.proxies = new MapProxyManager(member.getMap(MAP_NAME));
		this.failures = Counter.builder("hub.gateway.rate.limit.store.failures")
			.description("Rate-limit checks the shared bucket store could not answer, counted per gateway instead")
			.register(meters);
	}

	/** The member embedded in this gateway that holds its share of the map. */
	public HazelcastInstance member() {
		return this.member;
	}

	@Override
	public void destroy() {
		this.member.shutdown();
	}

	@Override
	public RateLimitDecision tryConsume(RateLimit limit, String key) {
		try {
			ConsumptionProbe probe = this.proxies.builder()
				.build(limit.name() + ":" + key, () -> configuration(limit))
				.tryConsumeAndReturnRemaining(1);
			return new RateLimitDecision(probe.isConsumed(), probe.getRemainingTokens(),
					probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
		catch (RuntimeException ex) {
			this.failures.increment();
			long now = System.nanoTime();
			long due = this.nextLog.get();
			if (now - due >= 0 && this.nextLog.compareAndSet(due, now + LOG_EVERY_NANOS)) {
				logger.warn("Shared rate-limit buckets unavailable, counting in this gateway only: {}", ex.toString());
			}
			return this.fallback.tryConsume(limit, key);
		}
	}

	@Override
	public boolean blocking() {
		return true;
	}

	private static BucketConfiguration configuration(RateLimit limit) {
		return BucketConfiguration.builder()
			.addLimit(
					(bandwidth) -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.window()))
			.build();
	}

	/**
	 * bucket4j's compare-and-swap proxy manager over an {@link IMap} of byte arrays
	 * (Hazelcast compares values by their serialized bytes, so {@code replace(key, old,
	 * new)} is a true compare-and-swap).
	 */
	static final class MapProxyManager extends AbstractCompareAndSwapBasedProxyManager<String> {

		private final IMap<String, byte[]> map;

		MapProxyManager(IMap<String, byte[]> map) {
			super(ClientSideConfig.getDefault());
			this.map = map;
		}

		@Override
		protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
			return new CompareAndSwapOperation() {

				@Override
				public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
					return Optional.ofNullable(MapProxyManager.this.map.get(key));
				}

				@Override
				public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
						Optional<Long> timeoutNanos) {
					if (originalData == null) {
						return MapProxyManager.this.map.putIfAbsent(key, newData) == null;
					}
					return MapProxyManager.this.map.replace(key, originalData, newData);
				}

			};
		}

		@Override
		protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
			throw new UnsupportedOperationException("The gateway's buckets are used synchronously");
		}

		@Override
		protected CompletableFuture<Void> removeAsync(String key) {
			return this.map.removeAsync(key).toCompletableFuture().thenApply((removed) -> null);
		}

		@Override
		public void removeProxy(String key) {
			this.map.delete(key);
		}

		@Override
		public boolean isAsyncModeSupported() {
			return false;
		}

	}

}
