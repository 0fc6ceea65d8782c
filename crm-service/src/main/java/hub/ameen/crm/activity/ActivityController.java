package hub.ameen.crm.activity;

import java.net.URI;
import java.time.Clock;

import hub.ameen.crm.common.Ownership;
import hub.ameen.crm.common.References;
import hub.ameen.crm.company.Company;
import hub.ameen.crm.contact.Contact;
import hub.ameen.crm.deal.Deal;
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
 * {@code /api/crm/activities}: read with {@code crm:read}; logged with {@code crm:write};
 * changed by whoever logged it or {@code crm:manage}; deleted with {@code crm:manage}.
 * The system's own entries are never changed (409). With {@code contactId},
 * {@code companyId} or {@code dealId} the list is that record's timeline, newest first.
 */
@RestController
@RequestMapping("/api/crm/activities")
class ActivityController {

	private final Aggregate<Activity> activities;

	private final Aggregate<Contact> contacts;

	private final Aggregate<Company> companies;

	private final Aggregate<Deal> deals;

	private final Clock clock;

	ActivityController(Aggregate<Activity> activities, Aggregate<Contact> contacts, Aggregate<Company> companies,
			Aggregate<Deal> deals, Clock clock) {
		this.activities = activities;
		this.contacts = contacts;
		this.companies = companies;
		this.deals = deals;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(Permissions.HAS_CRM_READ)
	Mono<PageResponse<Activity>> list(@RequestParam(required = false) String contactId,
			@RequestParam(required = false) String companyId, @RequestParam(required = false) String dealId,
			@RequestParam(required = false) String type, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		PageRequest page = PageRequest.of(limit, cursor).descendingOrder();
		String timeline = (contactId != null) ? Timeline.prefix("contact", contactId) : (companyId != null)
				? Timeline.prefix("company", companyId) : (dealId != null) ? Timeline.prefix("deal", dealId) : null;
		return Mono.fromCallable(() -> (timeline != null)
				? this.activities.search("timeline", timeline, page,
						(activity) -> type == null || type.equals(activity.type()))
				: this.activities.page(page, (activity) -> type == null || type.equals(activity.type())));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Permissions.HAS_CRM_READ)
	Mono<Activity> get(@PathVariable String id) {
		return Mono.fromCallable(() -> this.activities.get(id));
	}

	@PostMapping
	@PreAuthorize(Permissions.HAS_CRM_WRITE)
	Mono<ResponseEntity<Activity>> create(@Valid @RequestBody ActivityRequests.CreateActivityRequest request) {
		return CurrentUser.current().flatMap((me) -> {
			References.require(this.contacts, request.contactId(), "contactId");
			References.require(this.companies, request.companyId(), "companyId");
			References.require(this.deals, request.dealId(), "dealId");
			return this.activities.create(request.toActivity(Ids.next(), me.id(), this.clock.instant()), me.id());
		}).map((activity) -> ResponseEntity.created(URI.create("/api/crm/activities/" + activity.id())).body(activity));
	}

	@PatchMapping("/{id}")
	@PreAuthorize(Permissions.HAS_CRM_WRITE)
	Mono<Activity> update(@PathVariable String id, @Valid @RequestBody ActivityRequests.PatchActivityRequest request) {
		return CurrentUser.current()
			.flatMap((me) -> this.activities.update(id,
					(activity) -> request.applyTo(
							Ownership.check(editable(activity), activity.ownerId(), me, "Activity " + id),
							this.clock.instant()),
					me.id()));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(Permissions.HAS_CRM_MANAGE)
	Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return CurrentUser.current()
			.flatMap((me) -> this.activities.remove(id, ActivityController::editable, me.id()))
			.thenReturn(ResponseEntity.noContent().build());
	}

	private static Activity editable(Activity activity) {
		if (Activity.SYSTEM.equals(activity.type())) {
			throw new ConflictException("Activity " + activity.id() + " is the system's own entry and stays as it is");
		}
		return activity;
	}

}
