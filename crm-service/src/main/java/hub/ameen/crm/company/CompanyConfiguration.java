package hub.ameen.crm.company;

import java.util.Arrays;
import java.util.List;

import hub.ameen.crm.common.ListQuery;
import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.Store;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Companies as an aggregate: kept in {@code companies}, unique on their domain, searched
 * by a prefix of their name or domain, announced on {@link Topics#COMPANY}, rebuilt from
 * {@link Topics#COMPANY_CHANGELOG} when the store is empty.
 */
@Configuration(proxyBeanMethods = false)
public class CompanyConfiguration {

	@Bean
	Aggregate<Company> companies(Store store, Outbox outbox, JsonMapper json) {
		return Aggregate.of(Company.class)
			.collection("companies")
			.id(Company::id)
			.events(Company.CREATED, Company.UPDATED, Company.DELETED)
			.changelog(Topics.COMPANY_CHANGELOG)
			.uniqueIndex("domain", Company::domain)
			.index("owner", Company::ownerId)
			.indexEach("tag", Company::tags)
			.orderedIndex(ListQuery.SEARCH, (company) -> Arrays.asList(company.name(), company.domain()))
			.orderedIndex(ListQuery.NAME, (company) -> List.of(company.name()))
			.open(store, outbox, json);
	}

	@Bean
	KafkaAdmin.NewTopics companyTopics() {
		return Topics.declare(Topics.COMPANY);
	}

	@Bean
	KafkaAdmin.NewTopics companyChangelog() {
		return Topics.declareChangelogs(Topics.COMPANY_CHANGELOG);
	}

}
