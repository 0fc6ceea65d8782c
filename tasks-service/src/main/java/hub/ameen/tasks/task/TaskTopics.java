package hub.ameen.tasks.task;

import hub.ameen.platform.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class TaskTopics {

	@Bean
	KafkaAdmin.NewTopics taskTopicDeclarations() {
		return Topics.declare(TaskService.TOPIC);
	}

}
