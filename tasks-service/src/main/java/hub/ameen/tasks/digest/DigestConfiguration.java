package hub.ameen.tasks.digest;

import hub.ameen.platform.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The digest's topics: its own, and the scheduler's that it reads (so that the listener
 * may start before the scheduler ever ran).
 */
@Configuration(proxyBeanMethods = false)
class DigestConfiguration {

	@Bean
	KafkaAdmin.NewTopics digestTopics() {
		return Topics.declare(Topics.TASK_DIGEST, Topics.TASK_DEADLINE);
	}

}
