package hub.ameen.scheduler.config;

import java.time.Clock;

import java.util.Map;

import hub.ameen.platform.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The time source every part of the service reads, the topics it declares, and this
 * instance's id and consumer group.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	KafkaAdmin.NewTopics schedulerTopics() {
		return Topics.declare(Topics.REMINDER, Topics.CALENDAR_EVENT, Topics.TASK_DEADLINE);
	}

	/** The changelog calendar events are rebuilt from. */
	@Bean
	KafkaAdmin.NewTopics schedulerChangelog() {
		return Topics.declareChangelogs(Topics.CALENDAR_EVENT_CHANGELOG);
	}

	/**
	 * The lease topic: its partitions are the timer partitions (no record is ever written
	 * to it).
	 */
	@Bean
	KafkaAdmin.NewTopics leaseTopic() {
		return new KafkaAdmin.NewTopics(
				TopicBuilder.name(Topics.CLOCK_LEASE).partitions(Topics.CLOCK_LEASE_PARTITIONS).build());
	}

	@Bean
	SchedulerInstance schedulerInstance(@Value("${spring.application.name}") String applicationName,
			@Value("${hub.instance-id:1}") String instanceId) {
		return SchedulerInstance.of(applicationName, instanceId);
	}

	/**
	 * Every listener of this instance reads in the instance's own group: runs after the
	 * events' customizer, which only sets a group when none is configured.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	DefaultKafkaConsumerFactoryCustomizer instanceConsumerGroup(SchedulerInstance instance) {
		return (factory) -> factory.updateConfigs(Map.of(ConsumerConfig.GROUP_ID_CONFIG, instance.consumerGroup()));
	}

	@Bean
	KafkaAdmin.NewTopics consumedTopics() {
		// declared here too so that the listener can start before tasks-service ever ran
		return Topics.declare(Topics.TASK, Topics.TASK_DIGEST);
	}

}
