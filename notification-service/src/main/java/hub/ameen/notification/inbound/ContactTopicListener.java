package hub.ameen.notification.inbound;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import hub.ameen.notification.feed.ActivityFeed;
import hub.ameen.notification.inbox.NotificationDraft;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventHandlers;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.NotificationTypes;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Topics#CONTACT}: tells a user when someone else gives them a contact
 * ({@code contact.assigned}).
 */
@Component
class ContactTopicListener {

	private final EventHandlers handlers;

	private final Notifier notifier;

	ContactTopicListener(Inbox inbox, Notifier notifier, JsonMapper json, ActivityFeed feed) {
		this.notifier = notifier;
		this.handlers = EventHandlers.through(inbox, json)
			.on("contact.assigned", ContactPayload.class, this::assigned)
			.on("contact.created", Object.class, feed.entry())
			.on("contact.updated", Object.class, feed.entry());
	}

	/** The part of a contact event this service reads. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ContactPayload(String id, String firstName, String lastName, String ownerId) {

		String name() {
			return (this.lastName != null) ? this.firstName + " " + this.lastName : String.valueOf(this.firstName);
		}

	}

	@KafkaListener(topics = Topics.CONTACT)
	void on(EventEnvelope event) {
		this.handlers.handle(event);
	}

	private void assigned(WriteTxn txn, EventEnvelope event, ContactPayload contact) {
		if (contact.ownerId() != null && !contact.ownerId().equals(event.actorId())) {
			this.notifier.notify(txn,
					new NotificationDraft(NotificationTypes.CRM_ASSIGNED, "Contact assigned to you: " + contact.name(),
							"", "/crm/contacts/" + event.key(), event.id(), event.occurredAt()),
					List.of(contact.ownerId()));
		}
	}

}
