package hub.ameen.crm.contact;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.Store;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Contacts as an aggregate: kept in {@code contacts}, announced on
 * {@link Topics#CONTACT}.
 */
@Configuration(proxyBeanMethods = false)
class ContactConfiguration {

	@Bean
	Aggregate<Contact> contacts(Store store, Outbox outbox, JsonMapper json) {
		return Aggregate.of(Contact.class)
			.collection("contacts")
			.id(Contact::id)
			.events(Contact.CREATED, Contact.UPDATED, Contact.DELETED)
			.open(store, outbox, json);
	}

	@Bean
	KafkaAdmin.NewTopics contactTopics() {
		return Topics.declare(Topics.CONTACT);
	}

}
