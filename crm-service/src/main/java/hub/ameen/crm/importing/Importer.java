package hub.ameen.crm.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import hub.ameen.crm.activity.Timeline;
import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.platform.web.ConflictException;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Runs CSV imports: the body is streamed to a temporary file, its header checked (a 400
 * when it cannot be used), then read twice in the background, once to count and check
 * that it parses (a file that does not parse fails the import before anything is written)
 * and once in batches of {@value #BATCH} rows, each batch one transaction with its rows'
 * report and the import's progress. A dry run reads instead of writing. A failed row
 * never stops the rest.
 */
public class Importer {

	static final int BATCH = 500;

	private static final Logger logger = LoggerFactory.getLogger(Importer.class);

	private static final Set<String> MODES = Set.of("create", "upsert", "update");

	private final Store store;

	private final Aggregate<ImportJob> imports;

	private final ImportRows rows;

	private final Map<String, ImportKind<?>> kinds;

	private final Timeline timeline;

	private final Clock clock;

	private final ImportMetrics metrics;

	Importer(Store store, Aggregate<ImportJob> imports, ImportRows rows, List<ImportKind<?>> kinds, Timeline timeline,
			Clock clock, ImportMetrics metrics) {
		this.store = store;
		this.imports = imports;
		this.rows = rows;
		this.kinds = new HashMap<>();
		kinds.forEach((kind) -> this.kinds.put(kind.entity(), kind));
		this.timeline = timeline;
		this.clock = clock;
		this.metrics = metrics;
	}

	/** The kind of record an import or export handles; 400 for another. */
	ImportKind<?> kind(String entity) {
		ImportKind<?> kind = this.kinds.get(entity);
		if (kind == null) {
			throw new IllegalArgumentException("entity must be contacts or companies");
		}
		return kind;
	}

	/** Starts an import; completes once the body is stored and its header checked. */
	Mono<ImportJob> start(String entity, String mode, boolean dryRun, Flux<DataBuffer> body, String actorId) {
		ImportKind<?> kind = kind(entity);
		if (!MODES.contains(mode)) {
			return Mono.error(new IllegalArgumentException("mode must be create, upsert or update"));
		}
		return Mono.fromCallable(() -> Files.createTempFile("crm-import-", ".csv"))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((file) -> DataBufferUtils.write(body, file)
				.then(Mono.fromCallable(() -> checkHeader(file, kind)).subscribeOn(Schedulers.boundedElastic()))
				.onErrorResume((ex) -> delete(file).then(Mono.error(ex))))
			.flatMap((file) -> this.imports
				.create(ImportJob.start(Ids.next(), entity, mode, dryRun, actorId, this.clock.instant()), actorId)
				.doOnNext((job) -> Schedulers.boundedElastic().schedule(() -> run(job, file, kind))));
	}

	/** Reverts a finished import: removes what it created, restores what it updated. */
	Mono<ImportJob> revert(String id, String actorId) {
		return Mono.fromCallable(() -> this.imports.get(id)).flatMap((job) -> {
			if (job.dryRun() || "running".equals(job.status()) || "reverted".equals(job.status())) {
				return Mono
					.error(new ConflictException("Import " + id + " is " + (job.dryRun() ? "a dry run" : job.status())
							+ "; only an import that has ended and wrote something can be reverted"));
			}
			return Mono.fromCallable(() -> revertRows(job, kind(job.entity()), actorId))
				.subscribeOn(Schedulers.boundedElastic())
				.then(this.imports.update(id, (current) -> current.withStatus("reverted", this.clock.instant()),
						actorId));
		});
	}

	private Path checkHeader(Path file, ImportKind<?> kind) throws IOException {
		try (CsvFile csv = CsvFile.open(file, kind.columns())) {
			return file;
		}
	}

	private <V> void run(ImportJob job, Path file, ImportKind<V> kind) {
		try {
			long total = count(job, file, kind);
			if (total >= 0) {
				importRows(job, file, kind, total);
				this.imports
					.update(job.id(), (current) -> current.withStatus("done", this.clock.instant()), job.createdBy())
					.block();
			}
		}
		catch (RuntimeException | IOException ex) {
			logger.warn("Import {} failed", job.id(), ex);
			fail(job, 0, "the import stopped: " + ex.getClass().getSimpleName());
		}
		finally {
			delete(file).block();
		}
	}

	/** The data rows, or -1 when the file does not parse (the import then failed). */
	private long count(ImportJob job, Path file, ImportKind<?> kind) throws IOException {
		long rows = 0;
		try (CsvFile csv = CsvFile.open(file, kind.columns())) {
			for (CSVRecord record : csv.records()) {
				rows = record.getRecordNumber();
			}
			return rows;
		}
		catch (UncheckedIOException | IllegalStateException | IllegalArgumentException ex) {
			String reason = CsvFile.notUtf8(ex) ? "the file is not UTF-8 text"
					: "the file is not well-formed CSV: " + ex.getMessage();
			fail(job, rows + 1, reason + " (nothing was imported)");
			return -1;
		}
	}

	private <V> void importRows(ImportJob job, Path file, ImportKind<V> kind, long total) throws IOException {
		Map<String, String> seen = new HashMap<>();
		try (CsvFile csv = CsvFile.open(file, kind.columns())) {
			List<Parsed> batch = new ArrayList<>(BATCH);
			for (CSVRecord record : csv.records()) {
				batch.add(parse(csv, record));
				if (batch.size() == BATCH) {
					write(job, kind, batch, total, seen);
					batch = new ArrayList<>(BATCH);
				}
			}
			if (!batch.isEmpty()) {
				write(job, kind, batch, total, seen);
			}
		}
	}

	private Parsed parse(CsvFile csv, CSVRecord record) {
		long row = record.getRecordNumber();
		if (!record.isConsistent()) {
			return new Parsed(row, null, "the row has " + record.size() + " cells; the header has " + csv.headerSize());
		}
		for (String value : record) {
			if (value.length() > CsvFile.MAX_CELL) {
				return new Parsed(row, null, "a cell is longer than " + CsvFile.MAX_CELL + " characters");
			}
		}
		return new Parsed(row, csv.cells(record), null);
	}

	/**
	 * Writes (or, for a dry run, reports) one batch. The store may run a write function
	 * again, so the keys the batch matched or created are collected afresh on each run
	 * and added to {@code seen} only once it has committed.
	 */
	private <V> void write(ImportJob job, ImportKind<V> kind, List<Parsed> batch, long total,
			Map<String, String> seen) {
		AtomicReference<Map<String, String>> added = new AtomicReference<>();
		if (job.dryRun()) {
			List<ImportRow> report = this.store.read((txn) -> decide(txn, null, job, kind, batch, seen, fresh(added)));
			this.store.write((txn) -> keep(txn, job, total, report)).block();
		}
		else {
			this.store.write((txn) -> this.timeline.asImport(job.id(),
					() -> keep(txn, job, total, decide(txn, txn, job, kind, batch, seen, fresh(added)))))
				.block();
		}
		seen.putAll(added.get());
	}

	private static Map<String, String> fresh(AtomicReference<Map<String, String>> holder) {
		Map<String, String> map = new HashMap<>();
		holder.set(map);
		return map;
	}

	private ImportJob keep(WriteTxn txn, ImportJob job, long total, List<ImportRow> report) {
		report.forEach((row) -> this.rows.put(txn, job.id(), row));
		txn.afterCommit(() -> this.metrics.counted(job.dryRun(), report));
		return this.imports.updateIn(txn, job.id(), (current) -> current.plus(total, report), job.createdBy());
	}

	/** Decides each row; writes it when given a write transaction. */
	private <V> List<ImportRow> decide(ReadTxn txn, WriteTxn write, ImportJob job, ImportKind<V> kind,
			List<Parsed> batch, Map<String, String> seen, Map<String, String> added) {
		List<ImportRow> report = new ArrayList<>(batch.size());
		for (Parsed parsed : batch) {
			List<ImportJob.RowError> errors = new ArrayList<>();
			ImportRow row = (parsed.problem() != null)
					? ImportRow.failed(parsed.row(),
							List.of(new ImportJob.RowError(parsed.row(), null, parsed.problem())))
					: decide(txn, write, job, kind, parsed, seen, added, errors);
			report.add(row.errors().isEmpty() && !errors.isEmpty() ? ImportRow.failed(parsed.row(), errors) : row);
		}
		return report;
	}

	private <V> ImportRow decide(ReadTxn txn, WriteTxn write, ImportJob job, ImportKind<V> kind, Parsed parsed,
			Map<String, String> seen, Map<String, String> added, List<ImportJob.RowError> errors) {
		long row = parsed.row();
		String key = kind.matchKey(parsed.cells());
		String matchedId = (key == null) ? null
				: kind.records()
					.idsBy(txn, kind.matchIndex(), key)
					.stream()
					.findFirst()
					.orElseGet(() -> (added.get(key) != null) ? added.get(key) : seen.get(key));
		V current = (matchedId != null) ? kind.records().find(txn, matchedId).orElse(null) : null;
		if (matchedId != null && "create".equals(job.mode())) {
			return failed(row, kind.matchColumn(), "already belongs to " + kind.entity() + " record " + matchedId);
		}
		if (matchedId == null && "update".equals(job.mode())) {
			return failed(row, kind.matchColumn(), (key == null) ? "is needed to find the record to update"
					: "matches no " + kind.entity() + " record");
		}
		String id = (matchedId != null) ? matchedId : Ids.next();
		V built = kind.build(txn, parsed.cells(), current, id, job.createdBy(), this.clock.instant(), row, errors);
		if (built == null) {
			return ImportRow.failed(row, errors);
		}
		if (matchedId != null && current == null) {
			// a dry run's earlier row would have created it: this one would update that
			return new ImportRow(row, ImportRow.UPDATED, id, null, null, List.of());
		}
		if (matchedId != null && kind.cells(current).equals(kind.cells(built))) {
			return new ImportRow(row, ImportRow.UNCHANGED, id, null, null, List.of());
		}
		try {
			if (write != null) {
				apply(write, kind, current, built, job);
			}
		}
		catch (ConflictException ex) {
			return failed(row, kind.matchColumn(), ex.getBody().getDetail());
		}
		if (key != null && !seen.containsKey(key)) {
			added.putIfAbsent(key, id);
		}
		return (matchedId != null) ? kind.updated(row, current)
				: new ImportRow(row, ImportRow.CREATED, id, null, null, List.of());
	}

	private <V> void apply(WriteTxn txn, ImportKind<V> kind, V current, V built, ImportJob job) {
		if (current == null) {
			kind.records().createIn(txn, built, job.createdBy());
		}
		else {
			kind.records().updateIn(txn, kind.id(current), (stored) -> built, job.createdBy());
			this.timeline.record(txn, "imported", "Updated by import " + job.id(), kind.about(kind.id(current)),
					job.createdBy());
		}
	}

	private <V> Void revertRows(ImportJob job, ImportKind<V> kind, String actorId) {
		long before = 0;
		while (true) {
			List<ImportRow> page = this.rows.before(job.id(), before, PageRequest.MAX_LIMIT);
			if (page.isEmpty()) {
				return null;
			}
			this.store.write((txn) -> {
				page.forEach((row) -> undo(txn, kind, row, actorId));
				return null;
			}).block();
			before = page.get(page.size() - 1).row();
			if (before <= 1) {
				return null;
			}
		}
	}

	/** Undoes one row: a created record is removed, an updated one put back as it was. */
	private <V> void undo(WriteTxn txn, ImportKind<V> kind, ImportRow row, String actorId) {
		Aggregate<V> records = kind.records();
		if (ImportRow.CREATED.equals(row.outcome()) && records.find(txn, row.recordId()).isPresent()) {
			records.removeIn(txn, row.recordId(), actorId);
		}
		else if (ImportRow.UPDATED.equals(row.outcome())) {
			V before = kind.before(row);
			try {
				if (records.find(txn, row.recordId()).isPresent()) {
					records.updateIn(txn, row.recordId(), (stored) -> before, actorId);
				}
				else {
					records.createIn(txn, before, actorId);
				}
			}
			catch (ConflictException ex) {
				logger.warn("Import revert could not restore {} {}: {}", kind.entity(), row.recordId(),
						ex.getBody().getDetail());
			}
		}
	}

	private static ImportRow failed(long row, String field, String message) {
		return ImportRow.failed(row, List.of(new ImportJob.RowError(row, field, message)));
	}

	private void fail(ImportJob job, long row, String message) {
		this.imports
			.update(job.id(),
					(current) -> current.failedWith(new ImportJob.RowError(row, null, message), this.clock.instant()),
					job.createdBy())
			.block();
	}

	private static Mono<Void> delete(Path file) {
		return Mono.fromRunnable(() -> {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				logger.warn("Could not delete {}", file, ex);
			}
		}).subscribeOn(Schedulers.boundedElastic()).then();
	}

	/**
	 * One row as read: its cells, or why it cannot be used.
	 *
	 * @param row the data row, from 1
	 * @param cells the known columns' cells
	 * @param problem why the row as a whole is refused, or null
	 */
	private record Parsed(long row, Map<String, String> cells, String problem) {
	}

}
