package hub.ameen.crm.contact;

import hub.ameen.platform.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class ContactTopics {

	@Bean
	KafkaAdmin.NewTopics contactTopicDeclarations() {
		return Topics.declare(ContactService.TOPIC);
	}

}
