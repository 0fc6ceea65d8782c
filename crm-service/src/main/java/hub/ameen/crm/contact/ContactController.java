package hub.ameen.crm.contact;

import java.net.URI;
import java.time.Clock;

import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.PageRequest;
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
 * {@code /api/crm/contacts}: read with {@code crm:read}, changed with {@code crm:write}.
 */
@RestController
@RequestMapping("/api/crm/contacts")
class ContactController {

	private final Aggregate<Contact> contacts;

	private final Clock clock;

	ContactController(Aggregate<Contact> contacts, Clock clock) {
		this.contacts = contacts;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(Permissions.HAS_CRM_READ)
	Mono<PageResponse<Contact>> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return Mono.fromCallable(() -> this.contacts.newestFirst(PageRequest.of(limit, cursor), (contact) -> true));
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
			.flatMap(
					(me) -> this.contacts.create(request.toContact(Ids.next(), me.id(), this.clock.instant()), me.id()))
			.map((contact) -> ResponseEntity.created(URI.create("/api/crm/contacts/" + contact.id())).body(contact));
	}

	@PatchMapping("/{id}")
	@PreAuthorize(Permissions.HAS_CRM_WRITE)
	Mono<Contact> update(@PathVariable String id, @Valid @RequestBody PatchContactRequest request) {
		return CurrentUser.current()
			.flatMap((me) -> this.contacts.update(id, (contact) -> request.applyTo(contact, this.clock.instant()),
					me.id()));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(Permissions.HAS_CRM_WRITE)
	Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return CurrentUser.current()
			.flatMap((me) -> this.contacts.remove(id, me.id()))
			.thenReturn(ResponseEntity.noContent().build());
	}

}
