package hub.ameen.auth.session;

import hub.ameen.platform.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the topics auth-service publishes on.
 */
@Configuration(proxyBeanMethods = false)
class SessionTopics {

	@Bean
	static KafkaAdmin.NewTopics authTopics() {
		return Topics.declare(Topics.SESSION, Topics.CREDENTIAL_CHANGE);
	}

}
