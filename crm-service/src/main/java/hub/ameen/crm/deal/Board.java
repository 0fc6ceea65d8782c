package hub.ameen.crm.deal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.store.PageRequest;

/**
 * A pipeline's board: each stage in order with how many deals it holds, their total per
 * currency (never added across currencies) and its newest deals.
 *
 * @param pipelineId the pipeline
 * @param stages the columns
 */
record Board(String pipelineId, List<Column> stages) {

	/** Deals shown per column; the count and totals cover them all. */
	static final int DEALS_PER_STAGE = 50;

	static Board of(Pipeline pipeline, Aggregate<Deal> deals) {
		return new Board(pipeline.id(),
				pipeline.stages().stream().map((stage) -> column(pipeline, stage, deals)).toList());
	}

	private static Column column(Pipeline pipeline, Pipeline.Stage stage, Aggregate<Deal> deals) {
		String key = pipeline.id() + "/" + stage.key();
		List<Deal> all = deals.findAllBy("stage", key);
		Map<String, BigDecimal> totals = new TreeMap<>();
		all.forEach((deal) -> totals.merge(deal.amount().currency(), deal.amount().decimal(), BigDecimal::add));
		Map<String, String> total = new TreeMap<>();
		totals.forEach((currency, sum) -> total.put(currency, sum.toPlainString()));
		List<Deal> newest = deals
			.page("stage", key, PageRequest.first(DEALS_PER_STAGE).descendingOrder(), (deal) -> true)
			.items();
		return new Column(stage.key(), stage.name(), stage.probability(), all.size(), total, newest);
	}

	/**
	 * One stage of the board.
	 *
	 * @param key the stage key
	 * @param name as shown
	 * @param probability percent chance of winning from here
	 * @param count deals in the stage
	 * @param total their amounts summed per currency code, as decimal strings
	 * @param deals the newest {@value Board#DEALS_PER_STAGE} of them
	 */
	record Column(String key, String name, int probability, int count, Map<String, String> total, List<Deal> deals) {
	}

}
