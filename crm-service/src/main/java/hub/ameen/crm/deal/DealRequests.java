package hub.ameen.crm.deal;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The requests that create a deal, change it and move it to another stage.
 */
final class DealRequests {

	private DealRequests() {
	}

	/**
	 * A new deal; without a pipeline it goes on the default one, without a stage into the
	 * pipeline's first.
	 */
	record CreateDealRequest(@NotBlank @Size(max = 200) String title, @NotNull @Valid MoneyRequest amount,
			@Size(max = 64) String pipelineId, @Size(max = 40) String stage, @Size(max = 64) String companyId,
			@Size(max = 50) List<@NotBlank @Size(max = 64) String> contactIds, @Size(max = 64) String ownerId,
			Instant expectedCloseAt) {

		String pipelineOrDefault() {
			return (this.pipelineId != null) ? this.pipelineId : Pipeline.DEFAULT_ID;
		}

		Deal toDeal(String id, Pipeline pipeline, String createdBy, Instant now) {
			String at = (this.stage != null) ? this.stage : pipeline.first().key();
			Deal deal = new Deal(id, this.title.strip(), this.amount.toMoney(), pipeline.id(), at, this.companyId,
					distinct(this.contactIds), (this.ownerId != null) ? this.ownerId : createdBy, this.expectedCloseAt,
					null, null, now, now);
			return deal.movedTo(at, null, now);
		}

	}

	/** A change: the fields it names replace the deal's, absent ones stay. */
	record PatchDealRequest(
			@Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
			@Valid MoneyRequest amount, @Size(max = 64) String pipelineId, @Size(max = 40) String stage,
			@Size(max = 64) String companyId, @Size(max = 50) List<@NotBlank @Size(max = 64) String> contactIds,
			@Size(max = 64) String ownerId, Instant expectedCloseAt) {

		Deal applyTo(Deal current, Instant now) {
			Deal changed = new Deal(current.id(), (this.title != null) ? this.title.strip() : current.title(),
					(this.amount != null) ? this.amount.toMoney() : current.amount(),
					or(this.pipelineId, current.pipelineId()), current.stage(), or(this.companyId, current.companyId()),
					(this.contactIds != null) ? distinct(this.contactIds) : current.contactIds(),
					or(this.ownerId, current.ownerId()), or(this.expectedCloseAt, current.expectedCloseAt()),
					current.closedAt(), current.lostReason(), current.createdAt(), now);
			return (this.stage != null && !this.stage.equals(current.stage())) ? changed.movedTo(this.stage, null, now)
					: changed;
		}

		private static <T> T or(T value, T fallback) {
			return (value != null) ? value : fallback;
		}

	}

	/** A move to another stage of the deal's pipeline; a lost deal may say why. */
	record MoveStageRequest(@NotBlank @Size(max = 40) String stage, @Size(max = 500) String lostReason) {
	}

	private static List<String> distinct(List<String> ids) {
		return (ids != null) ? ids.stream().distinct().toList() : List.of();
	}

}
