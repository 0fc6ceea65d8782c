package hub.ameen.scheduler.config;

import java.time.Clock;

import hub.ameen.platform.events.Topics;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The time source every part of the service reads, and the topics it declares.
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

	@Bean
	KafkaAdmin.NewTopics consumedTopics() {
		// declared here too so that the listener can start before tasks-service ever ran
		return Topics.declare(Topics.TASK, Topics.TASK_DIGEST);
	}

}
