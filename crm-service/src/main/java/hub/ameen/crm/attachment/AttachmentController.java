package hub.ameen.crm.attachment;

import java.net.URI;

import hub.ameen.platform.files.Attachments;
import hub.ameen.platform.files.FileUse;
import hub.ameen.platform.files.StoredFile;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/crm/{deals|contacts|companies}/{id}/attachments}: listed and downloaded
 * with {@code crm:read}; attached (multipart, part {@code file}) and deleted by the
 * record's owner or {@code crm:manage}.
 */
@RestController
@RequestMapping("/api/crm/{kind}/{id}/attachments")
class AttachmentController {

	private final AttachableRecords records;

	private final Attachments attachments;

	AttachmentController(AttachableRecords records, Attachments attachments) {
		this.records = records;
		this.attachments = attachments;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(Permissions.HAS_CRM_WRITE)
	Mono<ResponseEntity<StoredFile>> attach(@PathVariable String kind, @PathVariable String id,
			@RequestBody Flux<PartEvent> parts) {
		AttachableRecords.Kind records = this.records.kind(kind);
		return CurrentUser.current()
			.flatMap((me) -> this.attachments.attach(parts, records.ownerType(), id, FileUse.ATTACHMENT, me.id(),
					(txn) -> records.requireChangeable(txn, id, me)))
			.map((file) -> ResponseEntity
				.created(URI.create("/api/crm/" + kind + "/" + id + "/attachments/" + file.id()))
				.body(file));
	}

	@GetMapping
	@PreAuthorize(Permissions.HAS_CRM_READ)
	Mono<PageResponse<StoredFile>> list(@PathVariable String kind, @PathVariable String id) {
		AttachableRecords.Kind records = this.records.kind(kind);
		return Mono.fromCallable(() -> {
			this.records.requireExists(records, id);
			return new PageResponse<>(this.attachments.list(records.ownerType(), id), null);
		});
	}

	@GetMapping("/{fileId}")
	@PreAuthorize(Permissions.HAS_CRM_READ)
	Mono<ResponseEntity<Resource>> download(@PathVariable String kind, @PathVariable String id,
			@PathVariable String fileId) {
		AttachableRecords.Kind records = this.records.kind(kind);
		return Mono.fromCallable(() -> {
			this.records.requireExists(records, id);
			return this.attachments.download(this.attachments.get(records.ownerType(), id, fileId));
		});
	}

	@DeleteMapping("/{fileId}")
	@PreAuthorize(Permissions.HAS_CRM_WRITE)
	Mono<ResponseEntity<Void>> delete(@PathVariable String kind, @PathVariable String id, @PathVariable String fileId) {
		AttachableRecords.Kind records = this.records.kind(kind);
		return CurrentUser.current()
			.flatMap((me) -> this.attachments.detach(records.ownerType(), id, fileId, me.id(),
					(txn) -> records.requireChangeable(txn, id, me)))
			.thenReturn(ResponseEntity.noContent().build());
	}

}
