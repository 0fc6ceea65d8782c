package hub.ameen.crm.contact;

import java.net.URI;

import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.web.BadRequestException;
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
 * {@code /api/crm/contacts}.
 */
@RestController
@RequestMapping("/api/crm/contacts")
class ContactController {

	private final ContactService contacts;

	ContactController(ContactService contacts) {
		this.contacts = contacts;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('crm:read')")
	Mono<Page<Contact>> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return Mono.fromCallable(() -> this.contacts.list(PageRequest.of(limit, cursor)));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('crm:read')")
	Mono<Contact> get(@PathVariable String id) {
		return this.contacts.get(id);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('crm:write')")
	Mono<ResponseEntity<Contact>> create(@Valid @RequestBody ContactRequest request) {
		if (request.firstName() == null) {
			return Mono.error(new BadRequestException("firstName is required"));
		}
		return CurrentUser.current()
			.flatMap((me) -> this.contacts.create(request, me.id()))
			.map((contact) -> ResponseEntity.created(URI.create("/api/crm/contacts/" + contact.id())).body(contact));
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasAuthority('crm:write')")
	Mono<Contact> update(@PathVariable String id, @Valid @RequestBody ContactRequest request) {
		return CurrentUser.current().flatMap((me) -> this.contacts.update(id, request, me.id()));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAuthority('crm:write')")
	Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return CurrentUser.current()
			.flatMap((me) -> this.contacts.delete(id, me.id()))
			.thenReturn(ResponseEntity.noContent().build());
	}

}
