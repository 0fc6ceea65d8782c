package hub.ameen.auth.login;

import hub.ameen.auth.config.AuthProperties;
import hub.ameen.platform.web.ratelimit.LocalRateLimitBuckets;
import hub.ameen.platform.web.ratelimit.RateLimit;
import hub.ameen.platform.web.ratelimit.RateLimitBuckets;
import hub.ameen.platform.web.ratelimit.RateLimitDecision;

import org.springframework.stereotype.Component;

/**
 * A token bucket per client address: {@code attempts-per-address} login attempts,
 * refilled over {@code address-window}, in this process (auth-service is one instance;
 * the gateway in front keeps its own, coarser limit).
 */
@Component
class AddressRateLimit {

	private final RateLimitBuckets buckets = new LocalRateLimitBuckets();

	private final RateLimit limit;

	AddressRateLimit(AuthProperties properties) {
		this.limit = new RateLimit("login-per-address", properties.login().attemptsPerAddress(),
				properties.login().addressWindow());
	}

	/**
	 * Takes one attempt from the address's bucket.
	 * @param address the client address
	 * @throws TooManyAttemptsException when the bucket is empty
	 */
	void acquire(String address) {
		RateLimitDecision decision = this.buckets.tryConsume(this.limit, address);
		if (!decision.allowed()) {
			throw new TooManyAttemptsException(decision.retryAfter());
		}
	}

}
