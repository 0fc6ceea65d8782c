package hub.ameen.scheduler.clock;

import java.time.Clock;
import java.util.List;

import hub.ameen.platform.store.Store;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The timer index and the clock thread, which fires the timers of every
 * {@link TimerHandler} bean.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	TimerIndex timerIndex(Store store, JsonMapper mapper) {
		return new TimerIndex(store, mapper);
	}

	@Bean
	TimerClock timerClock(Store store, TimerIndex timers, List<TimerHandler> handlers, Clock clock,
			ClockProperties properties, ObjectProvider<MeterRegistry> registry) {
		return new TimerClock(store, timers, handlers, clock, properties,
				registry.getIfAvailable(SimpleMeterRegistry::new));
	}

}
