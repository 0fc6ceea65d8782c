package hub.ameen.crm.importing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.store.ReadTxn;
import jakarta.validation.ConstraintViolation;

/**
 * What an import needs to know about one kind of record: its columns, the column it is
 * matched on, how a row becomes a record, and how a record becomes a row again.
 *
 * @param <V> the record
 */
interface ImportKind<V> {

	/** {@code contacts} or {@code companies}. */
	String entity();

	/** The columns, in export order; the first is required. */
	List<String> columns();

	/** The column rows are matched on ({@code email}, {@code domain}). */
	String matchColumn();

	/** The unique index the match column is kept in. */
	String matchIndex();

	/** The match column's value as the index keeps it, or null. */
	String matchKey(Map<String, String> cells);

	Aggregate<V> records();

	String id(V record);

	/**
	 * The record a row makes: a new one ({@code current} null) or the current one with
	 * the row's non-empty cells replacing its fields. Adds an error per bad field
	 * instead.
	 */
	V build(ReadTxn txn, Map<String, String> cells, V current, String id, String actorId, Instant now, long row,
			List<ImportJob.RowError> errors);

	/** The record's cells, by column. */
	Map<String, String> cells(V record);

	/** The row that records an update, keeping the record as it was. */
	ImportRow updated(long row, V before);

	/** What a timeline entry about the record is about. */
	hub.ameen.crm.activity.Timeline.About about(String id);

	/** The record as it was before the update the row records. */
	V before(ImportRow row);

	/** Bean validation's findings as row errors, one per field. */
	static void addViolations(Set<? extends ConstraintViolation<?>> violations, long row,
			List<ImportJob.RowError> errors) {
		violations.stream()
			.map((violation) -> new ImportJob.RowError(row, field(violation.getPropertyPath().toString()),
					violation.getMessage()))
			.distinct()
			.sorted(java.util.Comparator.comparing(ImportJob.RowError::field))
			.forEach(errors::add);
	}

	/** {@code tags[0].<list element>} is the column {@code tags}. */
	private static String field(String path) {
		int end = path.indexOf('[');
		return (end >= 0) ? path.substring(0, end) : path;
	}

}
