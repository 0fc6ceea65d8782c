package hub.ameen.platform.web.ratelimit;

import java.time.Duration;

/**
 * What a bucket answered to one call.
 *
 * @param allowed whether the call may go on (a token was taken)
 * @param remaining tokens left in the bucket after this call
 * @param retryAfter when refused, how long until a token is back; zero when allowed
 */
public record RateLimitDecision(boolean allowed, long remaining, Duration retryAfter) {

	/**
	 * The wait as a {@code Retry-After} value: whole seconds, rounded up, at least 1.
	 * @return seconds to wait before trying again
	 */
	public long retryAfterSeconds() {
		long seconds = this.retryAfter.toSeconds() + ((this.retryAfter.toNanosPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
