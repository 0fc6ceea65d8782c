package hub.ameen.platform.web.ratelimit;

/**
 * Where the buckets live: {@link LocalRateLimitBuckets} keeps them in this process, which
 * is right for one instance; with several instances (several gateways) an implementation
 * over a shared store (for example one of bucket4j's {@code ProxyManager}s) makes them
 * count together.
 */
public interface RateLimitBuckets {

	/**
	 * Takes one token from the bucket of {@code key} under {@code limit}, making the
	 * bucket (full) on first use.
	 * @param limit the limit the bucket follows
	 * @param key who is counted, e.g. a user id or a client address
	 * @return whether the call is allowed, and if not, for how long to wait
	 */
	RateLimitDecision tryConsume(RateLimit limit, String key);

	/**
	 * Whether {@link #tryConsume} may wait on the network (a shared store), so that a
	 * caller on an event loop calls it on a thread that may block.
	 * @return {@code false} for buckets in this process's memory
	 */
	default boolean blocking() {
		return false;
	}

}
