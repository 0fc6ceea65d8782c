package hub.ameen.scheduler.clock;

import java.time.Clock;
import java.util.List;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.Store;
import hub.ameen.scheduler.config.SchedulerInstance;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The timer index, the lease that says which timer partitions this instance fires, and
 * the clock thread, which fires the timers of every {@link TimerHandler} bean.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	/**
	 * What a gained partition waits for this instance to have read: the scheduler's own
	 * firings and calendar changes, and the tasks and digest plans timers come from.
	 */
	static final List<String> READ_BEFORE_FIRING = List.of(Topics.REMINDER, Topics.CALENDAR_EVENT, Topics.TASK_DEADLINE,
			Topics.TASK, Topics.TASK_DIGEST);

	@Bean
	TimerIndex timerIndex(Store store, JsonMapper mapper) {
		return new TimerIndex(store, mapper);
	}

	@Bean
	ClockLease clockLease(ConsumerFactory<?, ?> consumers, KafkaAdmin admin, SchedulerInstance instance,
			LeaseProperties properties, Outbox outbox) {
		return new ClockLease(consumers.getConfigurationProperties(), admin.getConfigurationProperties(),
				Topics.CLOCK_LEASE, instance.id(), instance.consumerGroup(), READ_BEFORE_FIRING, properties,
				outbox::backlog);
	}

	@Bean
	TimerClock timerClock(Store store, TimerIndex timers, List<TimerHandler> handlers, Clock clock,
			ClockProperties properties, ObjectProvider<MeterRegistry> registry, ClockLease lease) {
		TimerClock timerClock = new TimerClock(store, timers, handlers, clock, properties,
				registry.getIfAvailable(SimpleMeterRegistry::new), lease);
		lease.bind(timerClock);
		return timerClock;
	}

}
