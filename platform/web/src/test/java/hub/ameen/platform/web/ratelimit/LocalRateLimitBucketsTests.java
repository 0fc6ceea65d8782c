package hub.ameen.platform.web.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class LocalRateLimitBucketsTests {

	private final LocalRateLimitBuckets buckets = new LocalRateLimitBuckets();

	private final RateLimit threePerMinute = new RateLimit("api", 3, Duration.ofMinutes(1));

	private final RateLimit oneAMillisecond = new RateLimit("quick", 1, Duration.ofMillis(1));

	@Test
	void allowsTheCapacityThenRefusesWithTheWaitForTheNextToken() {
		for (int i = 2; i >= 0; i--) {
			RateLimitDecision decision = this.buckets.tryConsume(this.threePerMinute, "user-1");
			assertThat(decision.allowed()).isTrue();
			assertThat(decision.remaining()).isEqualTo(i);
			assertThat(decision.retryAfter()).isZero();
		}
		RateLimitDecision refused = this.buckets.tryConsume(this.threePerMinute, "user-1");
		assertThat(refused.allowed()).isFalse();
		// one token comes back every 20 s
		assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
		assertThat(refused.retryAfterSeconds()).isBetween(19L, 20L);
	}

	@Test
	void eachKeyAndEachLimitHasItsOwnBucket() {
		RateLimit signIn = new RateLimit("sign-in", 3, Duration.ofMinutes(1));
		drain(this.threePerMinute, "user-1");
		assertThat(this.buckets.tryConsume(this.threePerMinute, "user-1").allowed()).isFalse();
		assertThat(this.buckets.tryConsume(this.threePerMinute, "user-2").allowed()).isTrue();
		assertThat(this.buckets.tryConsume(signIn, "user-1").allowed()).isTrue();
	}

	@Test
	void aSpentBucketFillsAgainOverItsWindow() throws InterruptedException {
		RateLimit fast = new RateLimit("fast", 2, Duration.ofMillis(200));
		drain(fast, "k");
		RateLimitDecision refused = this.buckets.tryConsume(fast, "k");
		assertThat(refused.allowed()).isFalse();
		// waiting exactly the advised time is the behaviour under test: then a token is
		// back
		Thread.sleep(refused.retryAfter().toMillis() + 20);
		assertThat(this.buckets.tryConsume(fast, "k").allowed()).isTrue();
	}

	@Test
	void underConcurrencyNoMoreThanTheCapacityIsAllowed() throws Exception {
		RateLimit hundred = new RateLimit("burst", 100, Duration.ofHours(1));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> allowed = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			allowed.add(pool.submit(() -> {
				start.await();
				int count = 0;
				for (int i = 0; i < 50; i++) {
					count += this.buckets.tryConsume(hundred, "shared").allowed() ? 1 : 0;
				}
				return count;
			}));
		}
		start.countDown();
		int total = 0;
		for (Future<Integer> future : allowed) {
			total += future.get(10, TimeUnit.SECONDS);
		}
		pool.shutdown();
		assertThat(total).isEqualTo(100);
	}

	@Test
	void fullBucketsAreDroppedAndSpentOnesKept() {
		this.buckets.tryConsume(this.threePerMinute, "spent");
		this.buckets.tryConsume(this.oneAMillisecond, "refilled");
		assertThat(this.buckets.size()).isEqualTo(2);
		// once the one-millisecond bucket is full again, a sweep drops it
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			this.buckets.dropFullBuckets();
			return this.buckets.size() == 1;
		});
		// the kept bucket still remembers what was spent
		assertThat(this.buckets.tryConsume(this.threePerMinute, "spent").remaining()).isEqualTo(1);
	}

	@Test
	void tooManyBucketsAreSweptOnTheNextCall() {
		LocalRateLimitBuckets few = new LocalRateLimitBuckets(10, Duration.ofHours(1));
		for (int i = 0; i < 11; i++) {
			few.tryConsume(this.oneAMillisecond, "address-" + i);
		}
		assertThat(few.size()).isEqualTo(11);
		// the sweep interval is an hour: only crowding makes a call sweep the refilled
		// buckets
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			few.tryConsume(this.oneAMillisecond, "one-more");
			return few.size() <= 1;
		});
	}

	@Test
	void aLimitMustBeMeaningful() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimit("x", 0, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimit("x", 1, Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimit(" ", 1, Duration.ofSeconds(1)));
	}

	private void drain(RateLimit limit, String key) {
		for (int i = 0; i < limit.capacity(); i++) {
			assertThat(this.buckets.tryConsume(limit, key).allowed()).isTrue();
		}
	}

}
