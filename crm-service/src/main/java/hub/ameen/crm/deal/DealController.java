package hub.ameen.crm.deal;

import java.net.URI;
import java.time.Clock;

import hub.ameen.crm.common.InvalidField;
import hub.ameen.crm.common.ListQuery;
import hub.ameen.crm.common.Ownership;
import hub.ameen.crm.common.References;
import hub.ameen.crm.company.Company;
import hub.ameen.crm.contact.Contact;
import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.web.NotFoundException;
import hub.ameen.platform.web.PageResponse;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/crm/deals}: read with {@code crm:read}; created with {@code crm:write};
 * changed and moved by the owner or {@code crm:manage}; deleted with {@code crm:manage}.
 * Pipelines, stages, companies and contacts a deal names must exist (400 otherwise).
 */
@RestController
@RequestMapping("/api/crm/deals")
class DealController {

	private final Aggregate<Deal> deals;

	private final Aggregate<Pipeline> pipelines;

	private final Aggregate<Company> companies;

	private final Aggregate<Contact> contacts;

	private final Clock clock;

	DealController(Aggregate<Deal> deals, Aggregate<Pipeline> pipelines, Aggregate<Company> companies,
			Aggregate<Contact> contacts, Clock clock) {
		this.deals = deals;
		this.pipelines = pipelines;
		this.companies = companies;
		this.contacts = contacts;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(Permissions.HAS_CRM_READ)
	Mono<PageResponse<Deal>> list(ListQuery query, @RequestParam(required = false) String pipelineId,
			@RequestParam(required = false) String stage, @RequestParam(required = false) String companyId,
			@RequestParam(required = false) String contactId, @RequestParam(required = false) String ownerId) {
		String stageKey = (pipelineId != null && stage != null) ? pipelineId + "/" + stage : null;
		return Mono.fromCallable(() -> query.list(this.deals,
				ListQuery.indexed("stage", stageKey, "contact", contactId, "company", companyId, "pipeline", pipelineId,
						"owner", ownerId),
				(deal) -> ListQuery.matches(pipelineId, deal.pipelineId()) && ListQuery.matches(stage, deal.stage())
						&& ListQuery.matches(companyId, deal.companyId())
						&& ListQuery.contains(contactId, deal.contactIds())
						&& ListQuery.matches(ownerId, deal.ownerId())));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Permissions.HAS_CRM_READ)
	Mono<Deal> get(@PathVariable String id) {
		return Mono.fromCallable(() -> this.deals.get(id));
	}

	@PostMapping
	@PreAuthorize(Permissions.HAS_CRM_WRITE)
	Mono<ResponseEntity<Deal>> create(@Valid @RequestBody DealRequests.CreateDealRequest request) {
		return CurrentUser.current().flatMap((me) -> {
			Pipeline pipeline = pipeline(request.pipelineOrDefault());
			requireStage(pipeline, request.stage());
			References.require(this.companies, request.companyId(), "companyId");
			References.requireAll(this.contacts, request.contactIds(), "contactIds");
			return this.deals.create(request.toDeal(Ids.next(), pipeline, me.id(), this.clock.instant()), me.id());
		}).map((deal) -> ResponseEntity.created(URI.create("/api/crm/deals/" + deal.id())).body(deal));
	}

	@PatchMapping("/{id}")
	@PreAuthorize(Permissions.HAS_CRM_WRITE)
	Mono<Deal> update(@PathVariable String id, @Valid @RequestBody DealRequests.PatchDealRequest request) {
		return CurrentUser.current().flatMap((me) -> {
			References.require(this.companies, request.companyId(), "companyId");
			References.requireAll(this.contacts, request.contactIds(), "contactIds");
			return this.deals.update(id, (deal) -> valid(
					request.applyTo(Ownership.check(deal, deal.ownerId(), me, "Deal " + id), this.clock.instant())),
					me.id());
		});
	}

	@PostMapping("/{id}/stage")
	@PreAuthorize(Permissions.HAS_CRM_WRITE)
	Mono<Deal> move(@PathVariable String id, @Valid @RequestBody DealRequests.MoveStageRequest request) {
		return CurrentUser.current()
			.flatMap((me) -> this.deals.update(id,
					(deal) -> valid(Ownership.check(deal, deal.ownerId(), me, "Deal " + id)
						.movedTo(request.stage(), request.lostReason(), this.clock.instant())),
					me.id()));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(Permissions.HAS_CRM_MANAGE)
	Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return CurrentUser.current()
			.flatMap((me) -> this.deals.remove(id, me.id()))
			.thenReturn(ResponseEntity.noContent().build());
	}

	/** The deal, if its pipeline exists and has its stage. */
	private Deal valid(Deal deal) {
		requireStage(pipeline(deal.pipelineId()), deal.stage());
		return deal;
	}

	private Pipeline pipeline(String id) {
		try {
			return this.pipelines.get(id);
		}
		catch (NotFoundException ex) {
			throw new InvalidField("pipelineId", "no such pipeline: " + id);
		}
	}

	private static void requireStage(Pipeline pipeline, String stage) {
		if (stage != null && pipeline.stage(stage).isEmpty()) {
			throw new InvalidField("stage", "pipeline " + pipeline.id() + " has no stage " + stage);
		}
	}

}
