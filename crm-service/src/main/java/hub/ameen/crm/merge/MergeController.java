package hub.ameen.crm.merge;

import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/crm/contacts/{id}/merge} {@code {duplicateId}} with
 * {@code crm:manage}: 200 with the merge; 404 when either contact is missing; 400 for a
 * contact merged into itself.
 */
@RestController
class MergeController {

	private final ContactMerge merge;

	MergeController(ContactMerge merge) {
		this.merge = merge;
	}

	/** Which contact to fold in. */
	record MergeRequest(@NotBlank @Size(max = 64) String duplicateId) {
	}

	@PostMapping("/api/crm/contacts/{id}/merge")
	@PreAuthorize(Permissions.HAS_CRM_MANAGE)
	Mono<ContactMerged> merge(@PathVariable String id, @Valid @RequestBody MergeRequest request) {
		return CurrentUser.current().flatMap((me) -> this.merge.merge(id, request.duplicateId(), me.id()));
	}

}
