package hub.ameen.gateway.ratelimit;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.TrustedProxies;
import hub.ameen.platform.web.ratelimit.LocalRateLimitBuckets;
import hub.ameen.platform.web.ratelimit.RateLimitBuckets;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	/**
	 * In this gateway's memory ({@code local}): right for one gateway. With several,
	 * {@code hub.gateway.rate-limit-store.type=hazelcast} shares them through a member
	 * embedded in each gateway ({@link HazelcastRateLimitMember}), which the context
	 * shuts down once the web server has drained. Chosen here when the gateway starts,
	 * not by a condition: Spring AOT works the gateway's bean definitions out at build
	 * time, and a condition would be fixed at the build's setting (decision 0007).
	 * Nothing of Hazelcast is loaded with the local store.
	 */
	@Bean
	RateLimitBuckets rateLimitBuckets(RateLimitStoreProperties store, RateLimitProperties limits,
			MeterRegistry meters) {
		return switch (store.type()) {
			case LOCAL -> new LocalRateLimitBuckets();
			case HAZELCAST -> HazelcastRateLimitMember.start(store, limits, meters);
		};
	}

	@Bean
	RateLimitFilter rateLimitFilter(RateLimitBuckets buckets, RateLimitProperties properties,
			TrustedProxies trustedProxies, ProblemResponses problems, MeterRegistry meters) {
		return new RateLimitFilter(buckets, properties, trustedProxies, problems, meters);
	}

}
