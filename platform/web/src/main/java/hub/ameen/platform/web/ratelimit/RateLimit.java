package hub.ameen.platform.web.ratelimit;

import java.time.Duration;

/**
 * A limit: up to {@code capacity} calls at once, given back evenly over {@code window}
 * (so {@code capacity / window} is the sustained rate).
 *
 * @param name what the limit counts, which also keeps the keys of two limits apart
 * @param capacity calls allowed in a burst, at least 1
 * @param window the time in which a spent bucket fills up again, positive
 */
public record RateLimit(String name, long capacity, Duration window) {

	public RateLimit {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A rate limit needs a name");
		}
		if (capacity < 1) {
			throw new IllegalArgumentException("Rate limit " + name + ": capacity must be at least 1");
		}
		if (window == null || window.isZero() || window.isNegative()) {
			throw new IllegalArgumentException("Rate limit " + name + ": window must be positive");
		}
	}

}
