package hub.ameen.notification.inbound;

import java.time.Duration;

import hub.ameen.platform.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the topics this service reads (its own {@link Topics#NOTIFICATION_INBOX} among
 * them) (and their dead-letter topics) as their producers do, so that starting before
 * them does not auto-create a topic of another shape.
 */
@Configuration(proxyBeanMethods = false)
class InboundConfiguration {

	@Bean
	KafkaAdmin.NewTopics inboundTopics() {
		return Topics.declare(Topics.REMINDER, Topics.TASK_DEADLINE, Topics.USER, Topics.TASK, Topics.TASK_COMMENT,
				Topics.DEAL, Topics.CONTACT, Topics.CRM_IMPORT, Topics.COMPANY, Topics.CALENDAR_EVENT,
				Topics.TASK_DIGEST);
	}

	/**
	 * The inbox topic keeps twice as long as the source topics (the broker's seven days):
	 * an instance started on an empty store reads both from their earliest records, and
	 * every notification it makes again from a source event must find the announcement
	 * that numbered it still there, or it would keep it a second time under a new number.
	 */
	@Bean
	KafkaAdmin.NewTopics notificationInboxTopic() {
		return Topics.declareKeptFor(Duration.ofDays(14), Topics.NOTIFICATION_INBOX);
	}

}
