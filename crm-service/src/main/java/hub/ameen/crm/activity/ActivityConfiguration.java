package hub.ameen.crm.activity;

import java.time.Clock;
import java.util.Objects;

import hub.ameen.crm.company.Company;
import hub.ameen.crm.contact.Contact;
import hub.ameen.crm.deal.Deal;
import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.Store;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Activities as an aggregate, filed on the timeline of each record they are about
 * (ordered by when they happened), and the followers that write the system's entries when
 * a contact, company or deal is created and when a deal changes stage. Rebuilt, timeline
 * included (it is an index of activities), from {@link Topics#ACTIVITY_CHANGELOG} when
 * the store is empty.
 */
@Configuration(proxyBeanMethods = false)
public class ActivityConfiguration {

	@Bean
	Aggregate<Activity> activities(Store store, Outbox outbox, JsonMapper json) {
		return Aggregate.of(Activity.class)
			.collection("activities")
			.id(Activity::id)
			.events(Activity.CREATED, Activity.UPDATED, Activity.DELETED)
			.changelog(Topics.ACTIVITY_CHANGELOG)
			.index("contact", Activity::contactId)
			.orderedIndex("timeline", Activity::timelineKeys)
			.open(store, outbox, json);
	}

	@Bean
	Timeline timeline(Aggregate<Activity> activities, Clock clock, Aggregate<Contact> contacts,
			Aggregate<Company> companies, Aggregate<Deal> deals) {
		Timeline timeline = new Timeline(activities, clock);
		contacts.onChange((txn, type, before, after, actorId) -> {
			if (type.equals(Contact.CREATED)) {
				timeline.created(txn, "Contact", new Timeline.About(after.id(), after.companyId(), null), actorId);
			}
		});
		companies.onChange((txn, type, before, after, actorId) -> {
			if (type.equals(Company.CREATED)) {
				timeline.created(txn, "Company", Timeline.About.company(after.id()), actorId);
			}
		});
		deals.onChange((txn, type, before, after, actorId) -> {
			Timeline.About about = (after != null) ? new Timeline.About(null, after.companyId(), after.id()) : null;
			if (type.equals(Deal.CREATED)) {
				timeline.record(txn, "created", "Deal created in " + after.stage(), about, actorId);
			}
			else if (after != null && !Objects.equals(before.stage(), after.stage())) {
				timeline.record(txn, "stage-changed", "Stage changed from " + before.stage() + " to " + after.stage(),
						about, actorId);
			}
		});
		return timeline;
	}

	@Bean
	KafkaAdmin.NewTopics activityTopics() {
		return Topics.declare(Topics.ACTIVITY);
	}

	@Bean
	KafkaAdmin.NewTopics activityChangelog() {
		return Topics.declareChangelogs(Topics.ACTIVITY_CHANGELOG);
	}

}
