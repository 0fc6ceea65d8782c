package hub.ameen.notification.inbound;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
 * Reads {@link Topics#CRM_IMPORT}: tells the user who started a CSV import how far it has
 * got ({@code import.progressed}, at each quarter) and how it ended
 * ({@code import.completed}).
 */
@Component
class CrmImportTopicListener {

	private final EventHandlers handlers;

	private final Notifier notifier;

	CrmImportTopicListener(Inbox inbox, Notifier notifier, JsonMapper json) {
		this.notifier = notifier;
		this.handlers = EventHandlers.through(inbox, json)
			.on("import.progressed", ImportPayload.class, this::progressed)
			.on("import.completed", ImportPayload.class, this::completed);
	}

	/** The part of an import event this service reads. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ImportPayload(String id, String entity, Boolean dryRun, String status, Long total, Long processed,
			Long created, Long updated, Long unchanged, Long failed, String createdBy) {

		ImportPayload {
			dryRun = Boolean.TRUE.equals(dryRun);
			total = zeroIfNull(total);
			processed = zeroIfNull(processed);
			created = zeroIfNull(created);
			updated = zeroIfNull(updated);
			unchanged = zeroIfNull(unchanged);
			failed = zeroIfNull(failed);
		}

		private static Long zeroIfNull(Long count) {
			return (count != null) ? count : 0L;
		}

		String what() {
			return (this.dryRun ? "Dry run of the " : "The ") + this.entity + " import";
		}

	}

	@KafkaListener(topics = Topics.CRM_IMPORT)
	void on(EventEnvelope event) {
		this.handlers.handle(event);
	}

	private void progressed(WriteTxn txn, EventEnvelope event, ImportPayload job) {
		long percent = (job.total() > 0) ? job.processed() * 100 / job.total() : 0;
		notify(txn, event, job, job.what() + " is " + percent + "% done",
				job.processed() + " of " + job.total() + " rows");
	}

	private void completed(WriteTxn txn, EventEnvelope event, ImportPayload job) {
		String counts = job.created() + " created, " + job.updated() + " updated, " + job.unchanged() + " unchanged, "
				+ job.failed() + " failed";
		notify(txn, event, job, job.what() + ("done".equals(job.status()) ? " finished" : " failed"), counts);
	}

	private void notify(WriteTxn txn, EventEnvelope event, ImportPayload job, String title, String body) {
		if (job.createdBy() != null) {
			this.notifier.notify(txn, new NotificationDraft(NotificationTypes.CRM_IMPORT, title, body,
					"/crm/imports/" + event.key(), event.id(), event.occurredAt()), List.of(job.createdBy()));
		}
	}

}
