package hub.ameen.crm.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * One CSV import and its report, the payload of its events on {@link Topics#CRM_IMPORT}.
 *
 * @param id opaque id
 * @param entity {@code contacts} or {@code companies}
 * @param mode {@code create}, {@code upsert} or {@code update}
 * @param dryRun whether it only reports what it would do
 * @param status {@code running}, {@code done}, {@code failed} or {@code reverted}
 * @param total data rows in the file (known once it has been read through)
 * @param processed rows handled so far
 * @param created rows that created a record
 * @param updated rows that changed a record
 * @param unchanged rows that matched a record and changed nothing
 * @param failed rows refused, each with its errors
 * @param errors the first {@value #MAX_ERRORS} errors, in row order
 * @param createdBy who started it (told of its progress and completion)
 * @param createdAt when it started
 * @param finishedAt when it ended, or null
 */
public record ImportJob(String id, String entity, String mode, boolean dryRun, String status, long total,
		long processed, long created, long updated, long unchanged, long failed, List<RowError> errors,
		String createdBy, Instant createdAt, Instant finishedAt) {

	public static final EventType<ImportJob> STARTED = EventType.named("import.started").on(Topics.CRM_IMPORT);

	/** A batch was written: the report so far (also the aggregate's update event). */
	public static final EventType<ImportJob> UPDATED = EventType.named("import.updated").on(Topics.CRM_IMPORT);

	public static final EventType<ImportJob> DELETED = EventType.named("import.deleted").on(Topics.CRM_IMPORT);

	/** A quarter more of the rows is done; the importing user is told. */
	public static final EventType<ImportJob> PROGRESSED = EventType.named("import.progressed").on(Topics.CRM_IMPORT);

	/** It ended ({@code done} or {@code failed}); the importing user is told. */
	public static final EventType<ImportJob> COMPLETED = EventType.named("import.completed").on(Topics.CRM_IMPORT);

	/** What it created was removed and what it updated restored. */
	public static final EventType<ImportJob> REVERTED = EventType.named("import.reverted").on(Topics.CRM_IMPORT);

	/** Errors kept in the report; {@code failed} counts them all. */
	public static final int MAX_ERRORS = 1000;

	public ImportJob {
		errors = List.copyOf(errors);
	}

	static ImportJob start(String id, String entity, String mode, boolean dryRun, String createdBy, Instant now) {
		return new ImportJob(id, entity, mode, dryRun, "running", 0, 0, 0, 0, 0, 0, List.of(), createdBy, now, null);
	}

	/** The report with one more batch counted in. */
	ImportJob plus(long total, List<ImportRow> rows) {
		List<RowError> kept = new ArrayList<>(this.errors);
		rows.stream()
			.flatMap((row) -> row.errors().stream())
			.limit(Math.max(0, MAX_ERRORS - kept.size()))
			.forEach(kept::add);
		return new ImportJob(this.id, this.entity, this.mode, this.dryRun, this.status, total,
				this.processed + rows.size(), this.created + count(rows, ImportRow.CREATED),
				this.updated + count(rows, ImportRow.UPDATED), this.unchanged + count(rows, ImportRow.UNCHANGED),
				this.failed + count(rows, ImportRow.FAILED), kept, this.createdBy, this.createdAt, null);
	}

	/** The job in another status; ended unless it is running. */
	ImportJob withStatus(String status, Instant now) {
		return new ImportJob(this.id, this.entity, this.mode, this.dryRun, status, this.total, this.processed,
				this.created, this.updated, this.unchanged, this.failed, this.errors, this.createdBy, this.createdAt,
				"running".equals(status) ? null : now);
	}

	/** The job failed for a reason that is not one row's (a file that is not CSV). */
	ImportJob failedWith(RowError error, Instant now) {
		List<RowError> kept = new ArrayList<>(this.errors);
		kept.add(error);
		return new ImportJob(this.id, this.entity, this.mode, this.dryRun, "failed", this.total, this.processed,
				this.created, this.updated, this.unchanged, this.failed, kept, this.createdBy, this.createdAt, now);
	}

	/** Quarters of the rows done, 0 to 4. */
	int quarters() {
		return (this.total == 0) ? 0 : (int) (this.processed * 4 / this.total);
	}

	private static long count(List<ImportRow> rows, String outcome) {
		return rows.stream().filter((row) -> row.outcome().equals(outcome)).count();
	}

	/**
	 * One thing wrong with one row.
	 *
	 * @param row the data row, from 1 (the header is row 0)
	 * @param field the column, or null when the row as a whole is wrong
	 * @param message what is wrong
	 */
	public record RowError(long row, String field, String message) {
	}

}
