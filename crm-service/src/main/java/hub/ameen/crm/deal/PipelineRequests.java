package hub.ameen.crm.deal;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The requests that create and change a pipeline.
 */
final class PipelineRequests {

	private PipelineRequests() {
	}

	/**
	 * One stage as a client sends it.
	 */
	record StageRequest(
			@NotNull @Pattern(regexp = "[a-z][a-z0-9_-]{0,39}",
					message = "must be lower-case letters, digits, - or _, starting with a letter") String key,
			@NotBlank @Size(max = 60) String name, @NotNull @Min(0) @Max(100) Integer probability) {

		Pipeline.Stage toStage() {
			return new Pipeline.Stage(this.key, this.name.strip(), this.probability);
		}

	}

	/** A new pipeline: a name and at least one stage, keys distinct. */
	record CreatePipelineRequest(@NotBlank @Size(max = 100) String name,
			@NotEmpty @Size(max = 30) List<@NotNull @Valid StageRequest> stages) {

		@AssertTrue(message = "stage keys must be distinct")
		boolean isStageKeysDistinct() {
			return distinct(this.stages);
		}

		Pipeline toPipeline(String id, Instant now) {
			return new Pipeline(id, this.name.strip(), this.stages.stream().map(StageRequest::toStage).toList(), now,
					now);
		}

	}

	/** A change: a new name, or the stages in their new order (replacing them all). */
	record PatchPipelineRequest(
			@Size(min = 1, max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
			@Size(min = 1, max = 30) List<@NotNull @Valid StageRequest> stages) {

		@AssertTrue(message = "stage keys must be distinct")
		boolean isStageKeysDistinct() {
			return distinct(this.stages);
		}

		Pipeline applyTo(Pipeline current, Instant now) {
			return new Pipeline(current.id(), (this.name != null) ? this.name.strip() : current.name(),
					(this.stages != null) ? this.stages.stream().map(StageRequest::toStage).toList() : current.stages(),
					current.createdAt(), now);
		}

	}

	private static boolean distinct(List<StageRequest> stages) {
		if (stages == null) {
			return true;
		}
		List<String> keys = stages.stream().filter((stage) -> stage != null).map(StageRequest::key).toList();
		return keys.stream().distinct().count() == keys.size();
	}

}
