package hub.ameen.gateway.tracing;

import java.util.List;

import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A proxied call's client span only when its trace is sampled
 * ({@link SampledCallObservationFilter}, in place of Spring Cloud Gateway's own filter),
 * and no {@code http.client.requests} timer for proxied calls, which would count only
 * those.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

	/** The tag Spring Cloud Gateway's client observation puts on its meters. */
	static final String ROUTE_TAG = "spring.cloud.gateway.route.id";

	@Bean
	SampledCallObservationFilter sampledCallObservationFilter(ObservationRegistry registry,
			ObjectProvider<Propagator> propagator, ObjectProvider<TracingProperties> tracing) {
		List<String> remoteBaggage = tracing.stream()
			.flatMap((properties) -> properties.getBaggage().getRemoteFields().stream())
			.toList();
		return new SampledCallObservationFilter(registry, propagator.getIfAvailable(() -> Propagator.NOOP),
				remoteBaggage);
	}

	/**
	 * Proxied calls are timed by {@code spring.cloud.gateway.requests}, per route; the
	 * gateway's other calls (its health polls) keep {@code http.client.requests}.
	 */
	@Bean
	MeterFilter noClientTimerForProxiedCalls() {
		return MeterFilter
			.deny((id) -> id.getName().startsWith("http.client.requests") && id.getTag(ROUTE_TAG) != null);
	}

}
