package hub.ameen.crm.importing;

import java.time.Clock;
import java.util.List;

import hub.ameen.crm.activity.Timeline;
import hub.ameen.crm.company.Company;
import hub.ameen.crm.contact.Contact;
import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.Store;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Imports as an aggregate, announced on {@link Topics#CRM_IMPORT}:
 * {@code import.started}, {@code import.updated} per batch, {@code import.progressed} at
 * each quarter of the rows, {@code import.completed} when it ends and
 * {@code import.reverted}. No changelog: an import's report and undo log
 * ({@code imports.rows}) are not in Kafka, so a rebuilt store starts without past imports
 * (see {@code docs/decisions/0009-stores-rebuilt-from-kafka.md}).
 */
@Configuration(proxyBeanMethods = false)
public class ImportConfiguration {

	@Bean
	Aggregate<ImportJob> imports(Store store, Outbox outbox, JsonMapper json) {
		Aggregate<ImportJob> imports = Aggregate.of(ImportJob.class)
			.collection("imports")
			.id(ImportJob::id)
			.events(ImportJob.STARTED, ImportJob.UPDATED, ImportJob.DELETED)
			.open(store, outbox, json);
		imports.onChange((txn, type, before, after, actorId) -> {
			if (before == null || after == null) {
				return;
			}
			if ("running".equals(after.status()) && after.quarters() > before.quarters() && after.quarters() < 4) {
				outbox.publish(txn, ImportJob.PROGRESSED.about(after.id(), after).by(actorId));
			}
			if ("running".equals(before.status()) && !"running".equals(after.status())) {
				outbox.publish(txn, ImportJob.COMPLETED.about(after.id(), after).by(actorId));
			}
			if (!"reverted".equals(before.status()) && "reverted".equals(after.status())) {
				outbox.publish(txn, ImportJob.REVERTED.about(after.id(), after).by(actorId));
			}
		});
		failInterrupted(store, imports);
		return imports;
	}

	/**
	 * An import still running when the service stopped fails; its batches so far stay,
	 * and can be reverted.
	 */
	private static void failInterrupted(Store store, Aggregate<ImportJob> imports) {
		List<ImportJob> running = imports
			.page(hub.ameen.platform.store.PageRequest.first(200).descendingOrder(),
					(job) -> "running".equals(job.status()))
			.items();
		store.writeAndWait((txn) -> {
			running
				.forEach(
						(job) -> imports.updateIn(txn, job.id(),
								(current) -> current.failedWith(new ImportJob.RowError(current.processed() + 1, null,
										"the service stopped during the import; rows after this one were not read"),
										java.time.Instant.now()),
								"system"));
			return null;
		});
	}

	@Bean
	ImportRows importRows(Store store, JsonMapper json) {
		return new ImportRows(store, json);
	}

	@Bean
	Importer importer(Store store, Aggregate<ImportJob> imports, ImportRows rows, Aggregate<Contact> contacts,
			Aggregate<Company> companies, Validator validator, Timeline timeline, Clock clock, MeterRegistry meters) {
		return new Importer(store, imports, rows,
				List.of(new ContactImport(contacts, companies, validator), new CompanyImport(companies, validator)),
				timeline, clock, new ImportMetrics(meters));
	}

	@Bean
	KafkaAdmin.NewTopics importTopics() {
		return Topics.declare(Topics.CRM_IMPORT);
	}

}
