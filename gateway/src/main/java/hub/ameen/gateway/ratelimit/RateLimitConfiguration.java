package hub.ameen.gateway.ratelimit;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.TrustedProxies;
import hub.ameen.platform.web.ratelimit.LocalRateLimitBuckets;
import hub.ameen.platform.web.ratelimit.RateLimitBuckets;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	/**
	 * In this gateway's memory: right for one gateway. With several, declare a
	 * {@link RateLimitBuckets} over a shared store and this one steps aside.
	 */
	@Bean
	@ConditionalOnMissingBean
	RateLimitBuckets rateLimitBuckets() {
		return new LocalRateLimitBuckets();
	}

	@Bean
	RateLimitFilter rateLimitFilter(RateLimitBuckets buckets, RateLimitProperties properties,
			TrustedProxies trustedProxies, ProblemResponses problems, MeterRegistry meters) {
		return new RateLimitFilter(buckets, properties, trustedProxies, problems, meters);
	}

}
