package hub.ameen.crm.contact;

import java.net.URI;
import java.time.Clock;

import hub.ameen.crm.common.ListQuery;
import hub.ameen.crm.common.Ownership;
import hub.ameen.crm.common.References;
import hub.ameen.crm.company.Company;
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
 * {@code /api/crm/contacts}: read with {@code crm:read}; created with {@code crm:write};
 * changed by the owner or {@code crm:manage}; deleted with {@code crm:manage}. A second
 * contact with an email already taken (whatever its case) is a 409 naming the first.
 */
@RestController
@RequestMapping("/api/crm/contacts")
class ContactController {

	private final Aggregate<Contact> contacts;

	private final Aggregate<Company> companies;

	private final Clock clock;

	ContactController(Aggregate<Contact> contacts, Aggregate<Company> companies, Clock clock) {
		this.contacts = contacts;
		this.companies = companies;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(Permissions.HAS_CRM_READ)
	Mono<PageResponse<Contact>> list(ListQuery query, @RequestParam(required = false) String companyId,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String ownerId) {
		return Mono.fromCallable(
				() -> query.list(this.contacts, ListQuery.indexed("company", companyId, "owner", ownerId, "tag", tag),
						(contact) -> ListQuery.matches(companyId, contact.companyId())
								&& ListQuery.matches(ownerId, contact.ownerId())
								&& ListQuery.contains(tag, contact.tags())));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Permissions.HAS_CRM_READ)
	Mono<Contact> get(@PathVariable String id) {
		return Mono.fromCallable(() -> this.contacts.get(id));
	}

	@PostMapping
	@PreAuthorize(Permissions.HAS_CRM_WRITE)
	Mono<ResponseEntity<Contact>> create(@Valid @RequestBody CreateContactRequest request) {
		return CurrentUser.current()
			.doOnNext((me) -> References.require(this.companies, request.companyId(), "companyId"))
			.flatMap(
					(me) -> this.contacts.create(request.toContact(Ids.next(), me.id(), this.clock.instant()), me.id()))
			.map((contact) -> ResponseEntity.created(URI.create("/api/crm/contacts/" + contact.id())).body(contact));
	}

	@PatchMapping("/{id}")
	@PreAuthorize(Permissions.HAS_CRM_WRITE)
	Mono<Contact> update(@PathVariable String id, @Valid @RequestBody PatchContactRequest request) {
		return CurrentUser.current()
			.doOnNext((me) -> References.require(this.companies, request.companyId(), "companyId"))
			.flatMap((me) -> this.contacts.update(id, (contact) -> request
				.applyTo(Ownership.check(contact, contact.ownerId(), me, "Contact " + id), this.clock.instant()),
					me.id()));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(Permissions.HAS_CRM_MANAGE)
	Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return CurrentUser.current()
			.flatMap((me) -> this.contacts.remove(id, me.id()))
			.thenReturn(ResponseEntity.noContent().build());
	}

}
