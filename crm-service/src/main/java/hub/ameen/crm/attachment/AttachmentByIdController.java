package hub.ameen.crm.attachment;

import hub.ameen.platform.files.Attachments;
import hub.ameen.platform.files.StoredFile;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/crm/attachments/{fileId}}: a file by its id alone (as the product contract
 * names it), with the permissions of the record it is attached to.
 */
@RestController
@RequestMapping("/api/crm/attachments/{fileId}")
class AttachmentByIdController {

	private final AttachableRecords records;

	private final Attachments attachments;

	AttachmentByIdController(AttachableRecords records, Attachments attachments) {
		this.records = records;
		this.attachments = attachments;
	}

	@GetMapping
	@PreAuthorize(Permissions.HAS_CRM_READ)
	Mono<ResponseEntity<Resource>> download(@PathVariable String fileId) {
		return Mono.fromCallable(() -> {
			StoredFile file = this.attachments.get(fileId);
			this.records.requireExists(this.records.kindOf(file.ownerType()), file.ownerId());
			return this.attachments.download(file);
		});
	}

	@DeleteMapping
	@PreAuthorize(Permissions.HAS_CRM_WRITE)
	Mono<ResponseEntity<Void>> delete(@PathVariable String fileId) {
		return CurrentUser.current().flatMap((me) -> {
			StoredFile file = this.attachments.get(fileId);
			AttachableRecords.Kind kind = this.records.kindOf(file.ownerType());
			return this.attachments.detach(file.ownerType(), file.ownerId(), fileId, me.id(),
					(txn) -> kind.requireChangeable(txn, file.ownerId(), me));
		}).thenReturn(ResponseEntity.noContent().build());
	}

}
