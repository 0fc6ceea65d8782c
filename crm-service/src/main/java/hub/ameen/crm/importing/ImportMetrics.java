package hub.ameen.crm.importing;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts imported rows by outcome ({@code hub_crm_import_rows_total{outcome, dry_run}}:
 * created, updated, unchanged or failed), once their batch is committed.
 */
final class ImportMetrics {

	private final MeterRegistry registry;

	ImportMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** Counts a committed batch: one increment per outcome, not per row. */
	void counted(boolean dryRun, List<ImportRow> report) {
		Map<String, Long> byOutcome = report.stream()
			.collect(Collectors.groupingBy(ImportRow::outcome, Collectors.counting()));
		byOutcome.forEach((outcome, rows) -> Counter.builder("hub.crm.import.rows")
			.description("Rows of CSV imports by outcome, dry runs apart")
			.tag("outcome", outcome)
			.tag("dry_run", Boolean.toString(dryRun))
			.register(this.registry)
			.increment(rows));
	}

}
