package hub.ameen.crm.deal;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import hub.ameen.crm.common.ListQuery;
import hub.ameen.crm.company.Company;
import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Deals and pipelines as aggregates. A deal's changes also announce what they mean: a
 * stage change, a win, a loss, a new owner. A deleted company's deals stay, without it.
 * The default pipeline exists from the first start (after a restore from
 * {@link Topics#PIPELINE_CHANGELOG}, the one restored). Both are rebuilt from their
 * changelogs when the store is empty.
 */
@Configuration(proxyBeanMethods = false)
public class DealConfiguration {

	/** The default pipeline's stages, in order, with their probabilities. */
	static final List<Pipeline.Stage> DEFAULT_STAGES = List.of(new Pipeline.Stage("lead", "Lead", 10),
			new Pipeline.Stage("qualified", "Qualified", 25), new Pipeline.Stage("proposal", "Proposal", 50),
			new Pipeline.Stage("negotiation", "Negotiation", 75), new Pipeline.Stage(Deal.WON_STAGE, "Won", 100),
			new Pipeline.Stage(Deal.LOST_STAGE, "Lost", 0));

	@Bean
	Aggregate<Pipeline> pipelines(Store store, Outbox outbox, JsonMapper json, Clock clock) {
		Aggregate<Pipeline> pipelines = Aggregate.of(Pipeline.class)
			.collection("pipelines")
			.id(Pipeline::id)
			.events(Pipeline.CREATED, Pipeline.UPDATED, Pipeline.DELETED)
			.changelog(Topics.PIPELINE_CHANGELOG)
			.open(store, outbox, json);
		store.writeAndWait((txn) -> pipelines.find(txn, Pipeline.DEFAULT_ID)
			.orElseGet(() -> pipelines.createIn(txn,
					new Pipeline(Pipeline.DEFAULT_ID, "Sales", DEFAULT_STAGES, clock.instant(), clock.instant()),
					"system")));
		return pipelines;
	}

	@Bean
	Aggregate<Deal> deals(Store store, Outbox outbox, JsonMapper json, Aggregate<Company> companies) {
		Aggregate<Deal> deals = Aggregate.of(Deal.class)
			.collection("deals")
			.id(Deal::id)
			.events(Deal.CREATED, Deal.UPDATED, Deal.DELETED)
			.changelog(Topics.DEAL_CHANGELOG)
			.index("pipeline", Deal::pipelineId)
			.index("stage", Deal::stageKey)
			.index("company", Deal::companyId)
			.indexEach("contact", Deal::contactIds)
			.index("owner", Deal::ownerId)
			.orderedIndex(ListQuery.SEARCH, (deal) -> List.of(deal.title()))
			.orderedIndex(ListQuery.NAME, (deal) -> List.of(deal.title()))
			.open(store, outbox, json);
		deals.onChange((txn, type, before, after, actorId) -> announce(outbox, txn, before, after, actorId));
		companies.onChange((txn, type, before, after, actorId) -> {
			if (type.equals(Company.DELETED)) {
				deals.idsBy(txn, "company", before.id())
					.forEach((id) -> deals.updateIn(txn, id, Deal::withoutCompany, actorId));
			}
		});
		return deals;
	}

	private static void announce(Outbox outbox, WriteTxn txn, Deal before, Deal after, String actorId) {
		if (after == null) {
			return;
		}
		String from = (before != null) ? before.stage() : null;
		if (before != null && !Objects.equals(from, after.stage())) {
			outbox.publish(txn,
					Deal.STAGE_CHANGED
						.about(after.id(),
								new Deal.StageChanged(after.id(), after.pipelineId(), from, after.stage(), after))
						.by(actorId));
		}
		if (!Objects.equals(from, after.stage()) && Deal.WON_STAGE.equals(after.stage())) {
			outbox.publish(txn, Deal.WON.about(after.id(), after).by(actorId));
		}
		if (!Objects.equals(from, after.stage()) && Deal.LOST_STAGE.equals(after.stage())) {
			outbox.publish(txn, Deal.LOST.about(after.id(), after).by(actorId));
		}
		if (!after.ownerId().equals(actorId)
				&& (before == null || !Objects.equals(before.ownerId(), after.ownerId()))) {
			outbox.publish(txn, Deal.ASSIGNED.about(after.id(), after).by(actorId));
		}
	}

	@Bean
	KafkaAdmin.NewTopics dealTopics() {
		return Topics.declare(Topics.DEAL, Topics.PIPELINE);
	}

	@Bean
	KafkaAdmin.NewTopics dealChangelogs() {
		return Topics.declareChangelogs(Topics.DEAL_CHANGELOG, Topics.PIPELINE_CHANGELOG);
	}

}
