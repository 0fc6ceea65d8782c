package hub.ameen.tasks.crm;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventHandlers;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.tasks.task.Task;
import hub.ameen.tasks.task.TaskLinks;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Topics#CONTACT}, {@link Topics#COMPANY} and {@link Topics#DEAL} into
 * {@link CrmRecords}. A merge moves the duplicate's tasks to the contact kept; a deleted
 * record is forgotten, and the tasks about it keep their link (they were about it).
 */
@Component
class CrmTopicsListener {

	private final EventHandlers handlers;

	private final CrmRecords records;

	private final TaskLinks links;

	CrmTopicsListener(Inbox inbox, JsonMapper json, CrmRecords records, TaskLinks links) {
		this.records = records;
		this.links = links;
		this.handlers = EventHandlers.through(inbox, json)
			.on("contact.created", Payload.class, this.kept("contact"))
			.on("contact.updated", Payload.class, this.kept("contact"))
			.on("contact.deleted", Payload.class, this.deleted("contact"))
			.on("contact.merged", Merged.class, this::merged)
			.on("company.created", Payload.class, this.kept("company"))
			.on("company.updated", Payload.class, this.kept("company"))
			.on("company.deleted", Payload.class, this.deleted("company"))
			.on("deal.created", Payload.class, this.kept("deal"))
			.on("deal.updated", Payload.class, this.kept("deal"))
			.on("deal.deleted", Payload.class, this.deleted("deal"));
	}

	@KafkaListener(topics = { Topics.CONTACT, Topics.COMPANY, Topics.DEAL })
	void on(EventEnvelope event) {
		this.handlers.handle(event);
	}

	private EventHandlers.Handler<Payload> kept(String type) {
		return (txn, event, payload) -> this.records.keep(txn, type, event.key());
	}

	private EventHandlers.Handler<Payload> deleted(String type) {
		return (txn, event, payload) -> this.records.forget(txn, type, event.key());
	}

	private void merged(WriteTxn txn, EventEnvelope event, Merged merged) {
		this.records.keep(txn, "contact", merged.contactId());
		this.records.forget(txn, "contact", merged.duplicateId());
		this.links.move(txn, new Task.Related("contact", merged.duplicateId()),
				new Task.Related("contact", merged.contactId()), event.actorId());
	}

	/** Any CRM record's payload: only the event's key is read. */
	record Payload() {
	}

	/**
	 * A {@code contact.merged} payload, as far as tasks read it.
	 *
	 * @param contactId the contact kept
	 * @param duplicateId the contact folded into it, now deleted
	 */
	record Merged(String contactId, String duplicateId) {
	}

}
