package hub.ameen.crm.merge;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import hub.ameen.crm.activity.Activity;
import hub.ameen.crm.activity.Timeline;
import hub.ameen.crm.contact.Contact;
import hub.ameen.crm.deal.Deal;
import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.files.Attachments;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.platform.web.NotFoundException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Folds a duplicate contact into the one kept, in one transaction: the duplicate's deals
 * and activities move over, the kept contact fills its blank fields from the duplicate
 * and gains its tags, the duplicate is deleted, and one {@code merged} timeline entry and
 * one {@code contact.merged} event record it.
 */
@Component
public class ContactMerge {

	private final Store store;

	private final Outbox outbox;

	private final Aggregate<Contact> contacts;

	private final Aggregate<Deal> deals;

	private final Aggregate<Activity> activities;

	private final Timeline timeline;

	private final Clock clock;

	private final Attachments attachments;

	ContactMerge(Store store, Outbox outbox, Aggregate<Contact> contacts, Aggregate<Deal> deals,
			Aggregate<Activity> activities, Timeline timeline, Clock clock, Attachments attachments) {
		this.attachments = attachments;
		this.store = store;
		this.outbox = outbox;
		this.contacts = contacts;
		this.deals = deals;
		this.activities = activities;
		this.timeline = timeline;
		this.clock = clock;
	}

	Mono<ContactMerged> merge(String id, String duplicateId, String actorId) {
		if (id.equals(duplicateId)) {
			return Mono.error(new IllegalArgumentException("a contact cannot be merged into itself"));
		}
		return this.store.write((txn) -> merge(txn, id, duplicateId, actorId));
	}

	private ContactMerged merge(WriteTxn txn, String id, String duplicateId, String actorId) {
		Instant now = this.clock.instant();
		this.contacts.find(txn, id).orElseThrow(() -> new NotFoundException("Contact", id));
		Contact duplicate = this.contacts.find(txn, duplicateId)
			.orElseThrow(() -> new NotFoundException("Contact", duplicateId));
		List<String> dealIds = this.deals.idsBy(txn, "contact", duplicateId);
		dealIds.forEach((dealId) -> this.deals.updateIn(txn, dealId,
				(deal) -> deal.withContacts(replaced(deal.contactIds(), duplicateId, id), now), actorId));
		List<String> activityIds = this.activities.idsBy(txn, "contact", duplicateId);
		activityIds.forEach((activityId) -> this.activities.updateIn(txn, activityId,
				(activity) -> activity.forContact(id, now), actorId));
		this.attachments.moveAllIn(txn, "contact", duplicateId, id, actorId);
		this.contacts.removeIn(txn, duplicateId, actorId);
		Contact kept = this.contacts.updateIn(txn, id, (contact) -> filled(contact, duplicate, now), actorId);
		ContactMerged merged = new ContactMerged(id, duplicateId, dealIds, activityIds, kept);
		this.outbox.publish(txn, ContactMerged.MERGED.about(id, merged).by(actorId));
		this.timeline.record(txn, "merged",
				"Merged " + duplicate.fullName() + " (" + duplicateId + ") into this contact",
				Timeline.About.contact(id), actorId);
		return merged;
	}

	private static List<String> replaced(List<String> ids, String from, String to) {
		Set<String> replaced = new LinkedHashSet<>();
		ids.forEach((each) -> replaced.add(each.equals(from) ? to : each));
		return List.copyOf(replaced);
	}

	/**
	 * The kept contact with its blanks filled from the duplicate and both sets of tags.
	 */
	private static Contact filled(Contact kept, Contact duplicate, Instant now) {
		Set<String> tags = new LinkedHashSet<>(kept.tags());
		tags.addAll(duplicate.tags());
		return new Contact(kept.id(), kept.firstName(), or(kept.lastName(), duplicate.lastName()),
				or(kept.email(), duplicate.email()), or(kept.phone(), duplicate.phone()),
				or(kept.title(), duplicate.title()), or(kept.companyId(), duplicate.companyId()),
				List.copyOf(tags).subList(0, Math.min(tags.size(), 20)), kept.ownerId(), kept.createdAt(), now);
	}

	private static String or(String value, String fallback) {
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
