package hub.ameen.crm.deal;

import java.time.Instant;
import java.util.List;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * A sale in progress on a pipeline, and the payload of its events on {@link Topics#DEAL}.
 *
 * @param id opaque, time-ordered id
 * @param title what is being sold
 * @param amount its value, never a float
 * @param pipelineId the pipeline it moves through
 * @param stage the key of its stage in that pipeline
 * @param companyId the buying company, may be null
 * @param contactIds the people involved
 * @param ownerId the user who owns it
 * @param expectedCloseAt when it should close, may be null
 * @param closedAt when it reached {@code won} or {@code lost}, else null
 * @param lostReason why it was lost, may be null
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Deal(String id, String title, Money amount, String pipelineId, String stage, String companyId,
		List<String> contactIds, String ownerId, Instant expectedCloseAt, Instant closedAt, String lostReason,
		Instant createdAt, Instant updatedAt) {

	public static final EventType<Deal> CREATED = EventType.named("deal.created").on(Topics.DEAL);

	public static final EventType<Deal> UPDATED = EventType.named("deal.updated").on(Topics.DEAL);

	public static final EventType<Deal> DELETED = EventType.named("deal.deleted").on(Topics.DEAL);

	/** The deal moved to another stage. */
	public static final EventType<StageChanged> STAGE_CHANGED = EventType.named("deal.stage-changed").on(Topics.DEAL);

	/** The deal reached {@code won}; its owner is told. */
	public static final EventType<Deal> WON = EventType.named("deal.won").on(Topics.DEAL);

	/** The deal reached {@code lost}. */
	public static final EventType<Deal> LOST = EventType.named("deal.lost").on(Topics.DEAL);

	/**
	 * Someone gave the deal to another owner (also sent when created for someone else).
	 */
	public static final EventType<Deal> ASSIGNED = EventType.named("deal.assigned").on(Topics.DEAL);

	/** The stage that closes a deal as won. */
	public static final String WON_STAGE = "won";

	/** The stage that closes a deal as lost. */
	public static final String LOST_STAGE = "lost";

	public Deal {
		contactIds = (contactIds != null) ? List.copyOf(contactIds) : List.of();
	}

	/** Its key in the {@code stage} index: pipeline and stage. */
	public String stageKey() {
		return this.pipelineId + "/" + this.stage;
	}

	/**
	 * The deal in another stage: closed when that is won or lost, open again otherwise.
	 */
	public Deal movedTo(String stage, String lostReason, Instant now) {
		boolean closes = WON_STAGE.equals(stage) || LOST_STAGE.equals(stage);
		Instant closed = closes ? (stage.equals(this.stage) && this.closedAt != null ? this.closedAt : now) : null;
		return new Deal(this.id, this.title, this.amount, this.pipelineId, stage, this.companyId, this.contactIds,
				this.ownerId, this.expectedCloseAt, closed, LOST_STAGE.equals(stage) ? lostReason : null,
				this.createdAt, now);
	}

	/** The deal after its company was deleted. */
	public Deal withoutCompany() {
		return new Deal(this.id, this.title, this.amount, this.pipelineId, this.stage, null, this.contactIds,
				this.ownerId, this.expectedCloseAt, this.closedAt, this.lostReason, this.createdAt, this.updatedAt);
	}

	/** The deal with its contacts' ids replaced (a merge moves them). */
	public Deal withContacts(List<String> contactIds, Instant now) {
		return new Deal(this.id, this.title, this.amount, this.pipelineId, this.stage, this.companyId, contactIds,
				this.ownerId, this.expectedCloseAt, this.closedAt, this.lostReason, this.createdAt, now);
	}

	/**
	 * What {@link #STAGE_CHANGED} carries.
	 *
	 * @param dealId the deal
	 * @param pipelineId its pipeline
	 * @param from the stage it left
	 * @param to the stage it entered
	 * @param deal the deal after the move
	 */
	public record StageChanged(String dealId, String pipelineId, String from, String to, Deal deal) {
	}

}
