package hub.ameen.gateway.ratelimit;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.TrustedProxies;
import hub.ameen.platform.web.ratelimit.LocalRateLimitBuckets;
import hub.ameen.platform.web.ratelimit.RateLimitBuckets;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	/**
	 * In this gateway's memory: right for one gateway. With several,
	 * {@code hub.gateway.rate-limit-store.type=hazelcast} shares them
	 * ({@link HazelcastRateLimitConfiguration}).
	 */
	@Bean
	@ConditionalOnProperty(name = "hub.gateway.rate-limit-store.type", havingValue = "local", matchIfMissing = true)
	RateLimitBuckets rateLimitBuckets() {
		return new LocalRateLimitBuckets();
	}

	@Bean
	RateLimitFilter rateLimitFilter(RateLimitBuckets buckets, RateLimitProperties properties,
			TrustedProxies trustedProxies, ProblemResponses problems, MeterRegistry meters) {
		return new RateLimitFilter(buckets, properties, trustedProxies, problems, meters);
	}

}
