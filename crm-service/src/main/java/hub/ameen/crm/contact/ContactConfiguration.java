package hub.ameen.crm.contact;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import hub.ameen.crm.common.ListQuery;
import hub.ameen.crm.company.Company;
import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.Store;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Contacts as an aggregate: kept in {@code contacts}, unique on their email (whatever its
 * case), searched by a prefix of their name, last name or email, announced on
 * {@link Topics#CONTACT}, with {@code contact.assigned} when their owner changes; rebuilt
 * from {@link Topics#CONTACT_CHANGELOG} when the store is empty.
 */
@Configuration(proxyBeanMethods = false)
public class ContactConfiguration {

	@Bean
	Aggregate<Contact> contacts(Store store, Outbox outbox, JsonMapper json, Aggregate<Company> companies) {
		Aggregate<Contact> contacts = Aggregate.of(Contact.class)
			.collection("contacts")
			.id(Contact::id)
			.events(Contact.CREATED, Contact.UPDATED, Contact.DELETED)
			.changelog(Topics.CONTACT_CHANGELOG)
			.uniqueIndex("email", Contact::emailKey)
			.index("company", Contact::companyId)
			.index("owner", Contact::ownerId)
			.indexEach("tag", Contact::tags)
			.orderedIndex(ListQuery.SEARCH,
					(contact) -> Arrays.asList(contact.fullName(), contact.lastName(), contact.email()))
			.orderedIndex(ListQuery.NAME, (contact) -> List.of(contact.fullName()))
			.open(store, outbox, json);
		contacts.onChange((txn, type, before, after, actorId) -> {
			if (after != null && !after.ownerId().equals(actorId)
					&& (before == null || !Objects.equals(before.ownerId(), after.ownerId()))) {
				outbox.publish(txn, Contact.ASSIGNED.about(after.id(), after).by(actorId));
			}
		});
		companies.onChange((txn, type, before, after, actorId) -> {
			if (type.equals(Company.DELETED)) {
				contacts.idsBy(txn, "company", before.id())
					.forEach((id) -> contacts.updateIn(txn, id, Contact::withoutCompany, actorId));
			}
		});
		return contacts;
	}

	@Bean
	KafkaAdmin.NewTopics contactTopics() {
		return Topics.declare(Topics.CONTACT);
	}

	@Bean
	KafkaAdmin.NewTopics contactChangelog() {
		return Topics.declareChangelogs(Topics.CONTACT_CHANGELOG);
	}

}
