package hub.ameen.crm.company;

import java.net.URI;
import java.time.Clock;

import hub.ameen.crm.common.ListQuery;
import hub.ameen.crm.common.Ownership;
import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.store.Ids;
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
 * {@code /api/crm/companies}: read with {@code crm:read}; created with {@code crm:write};
 * changed by the owner or {@code crm:manage}; deleted with {@code crm:manage}.
 */
@RestController
@RequestMapping("/api/crm/companies")
class CompanyController {

	private final Aggregate<Company> companies;

	private final Clock clock;

	CompanyController(Aggregate<Company> companies, Clock clock) {
		this.companies = companies;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(Permissions.HAS_CRM_READ)
	Mono<PageResponse<Company>> list(ListQuery query, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String ownerId, @RequestParam(required = false) String domain) {
		return Mono.fromCallable(() -> CompanyFilters.of(tag, ownerId, domain).list(this.companies, query));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Permissions.HAS_CRM_READ)
	Mono<Company> get(@PathVariable String id) {
		return Mono.fromCallable(() -> this.companies.get(id));
	}

	@PostMapping
	@PreAuthorize(Permissions.HAS_CRM_WRITE)
	Mono<ResponseEntity<Company>> create(@Valid @RequestBody CreateCompanyRequest request) {
		return CurrentUser.current()
			.flatMap((me) -> this.companies.create(request.toCompany(Ids.next(), me.id(), this.clock.instant()),
					me.id()))
			.map((company) -> ResponseEntity.created(URI.create("/api/crm/companies/" + company.id())).body(company));
	}

	@PatchMapping("/{id}")
	@PreAuthorize(Permissions.HAS_CRM_WRITE)
	Mono<Company> update(@PathVariable String id, @Valid @RequestBody PatchCompanyRequest request) {
		return CurrentUser.current()
			.flatMap((me) -> this.companies.update(id, (company) -> request
				.applyTo(Ownership.check(company, company.ownerId(), me, "Company " + id), this.clock.instant()),
					me.id()));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(Permissions.HAS_CRM_MANAGE)
	Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return CurrentUser.current()
			.flatMap((me) -> this.companies.remove(id, me.id()))
			.thenReturn(ResponseEntity.noContent().build());
	}

}
