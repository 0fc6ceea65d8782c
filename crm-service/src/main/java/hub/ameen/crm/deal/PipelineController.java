package hub.ameen.crm.deal;

import java.net.URI;
import java.time.Clock;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.web.ConflictException;
import hub.ameen.platform.web.PageResponse;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/crm/pipelines}: read with {@code crm:read}, created and changed with
 * {@code crm:manage}; a stage that still holds deals cannot be removed (409).
 */
@RestController
@RequestMapping("/api/crm/pipelines")
class PipelineController {

	private final Aggregate<Pipeline> pipelines;

	private final Aggregate<Deal> deals;

	private final Clock clock;

	PipelineController(Aggregate<Pipeline> pipelines, Aggregate<Deal> deals, Clock clock) {
		this.pipelines = pipelines;
		this.deals = deals;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(Permissions.HAS_CRM_READ)
	Mono<PageResponse<Pipeline>> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return Mono.fromCallable(() -> this.pipelines.page(PageRequest.of(limit, cursor), (pipeline) -> true));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Permissions.HAS_CRM_READ)
	Mono<Pipeline> get(@PathVariable String id) {
		return Mono.fromCallable(() -> this.pipelines.get(id));
	}

	@GetMapping("/{id}/board")
	@PreAuthorize(Permissions.HAS_CRM_READ)
	Mono<Board> board(@PathVariable String id) {
		return Mono.fromCallable(() -> Board.of(this.pipelines.get(id), this.deals));
	}

	@PostMapping
	@PreAuthorize(Permissions.HAS_CRM_MANAGE)
	Mono<ResponseEntity<Pipeline>> create(@Valid @RequestBody PipelineRequests.CreatePipelineRequest request) {
		return CurrentUser.current()
			.flatMap((me) -> this.pipelines.create(request.toPipeline(Ids.next(), this.clock.instant()), me.id()))
			.map((pipeline) -> ResponseEntity.created(URI.create("/api/crm/pipelines/" + pipeline.id()))
				.body(pipeline));
	}

	@PatchMapping("/{id}")
	@PreAuthorize(Permissions.HAS_CRM_MANAGE)
	Mono<Pipeline> update(@PathVariable String id, @Valid @RequestBody PipelineRequests.PatchPipelineRequest request) {
		return CurrentUser.current()
			.flatMap((me) -> this.pipelines.update(id,
					(pipeline) -> keepingUsedStages(pipeline, request.applyTo(pipeline, this.clock.instant())),
					me.id()));
	}

	/** The changed pipeline, unless it drops a stage that deals are in. */
	private Pipeline keepingUsedStages(Pipeline before, Pipeline after) {
		before.stages()
			.stream()
			.filter((stage) -> after.stage(stage.key()).isEmpty())
			.filter((stage) -> this.deals.countBy("stage", before.id() + "/" + stage.key()) > 0)
			.findFirst()
			.ifPresent((stage) -> {
				throw new ConflictException("Stage " + stage.key() + " still holds deals; move them first");
			});
		return after;
	}

}
