package hub.ameen.tasks.attachment;

import java.net.URI;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.files.Attachments;
import hub.ameen.platform.files.FileUse;
import hub.ameen.platform.files.StoredFile;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.web.PageResponse;
import hub.ameen.tasks.task.Task;
import hub.ameen.tasks.task.TaskOwnership;
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
 * {@code /api/tasks/{id}/attachments} (a file also at
 * {@code /api/tasks/attachments/{fileId}}): listed and downloaded with
 * {@code tasks:read}; attached (multipart, part {@code file}) and deleted by the task's
 * creator, its assignee or {@code tasks:manage}.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskAttachmentController {

	private final Aggregate<Task> tasks;

	private final Attachments attachments;

	TaskAttachmentController(Aggregate<Task> tasks, Attachments attachments) {
		this.tasks = tasks;
		this.attachments = attachments;
	}

	@PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(Permissions.HAS_TASKS_WRITE)
	Mono<ResponseEntity<StoredFile>> attach(@PathVariable String id, @RequestBody Flux<PartEvent> parts) {
		return CurrentUser.current()
			.flatMap((me) -> this.attachments.attach(parts, TaskAttachmentConfiguration.OWNER_TYPE, id,
					FileUse.ATTACHMENT, me.id(), (txn) -> TaskOwnership.check(this.tasks.get(txn, id), me)))
			.map((file) -> ResponseEntity.created(URI.create("/api/tasks/" + id + "/attachments/" + file.id()))
				.body(file));
	}

	@GetMapping("/{id}/attachments")
	@PreAuthorize(Permissions.HAS_TASKS_READ)
	Mono<PageResponse<StoredFile>> list(@PathVariable String id) {
		return Mono.fromCallable(() -> {
			this.tasks.get(id);
			return new PageResponse<>(this.attachments.list(TaskAttachmentConfiguration.OWNER_TYPE, id), null);
		});
	}

	@GetMapping("/{id}/attachments/{fileId}")
	@PreAuthorize(Permissions.HAS_TASKS_READ)
	Mono<ResponseEntity<Resource>> download(@PathVariable String id, @PathVariable String fileId) {
		return Mono.fromCallable(() -> serve(this.attachments.get(TaskAttachmentConfiguration.OWNER_TYPE, id, fileId)));
	}

	/** A file by its id alone, as the product contract names it. */
	@GetMapping("/attachments/{fileId}")
	@PreAuthorize(Permissions.HAS_TASKS_READ)
	Mono<ResponseEntity<Resource>> downloadById(@PathVariable String fileId) {
		return Mono.fromCallable(() -> serve(this.attachments.get(fileId)));
	}

	/** Deletes a file by its id alone. */
	@DeleteMapping("/attachments/{fileId}")
	@PreAuthorize(Permissions.HAS_TASKS_WRITE)
	Mono<ResponseEntity<Void>> deleteById(@PathVariable String fileId) {
		return Mono.fromCallable(() -> this.attachments.get(fileId)).flatMap((file) -> delete(file.ownerId(), fileId));
	}

	@DeleteMapping("/{id}/attachments/{fileId}")
	@PreAuthorize(Permissions.HAS_TASKS_WRITE)
	Mono<ResponseEntity<Void>> delete(@PathVariable String id, @PathVariable String fileId) {
		return CurrentUser.current()
			.flatMap((me) -> this.attachments.detach(TaskAttachmentConfiguration.OWNER_TYPE, id, fileId, me.id(),
					(txn) -> TaskOwnership.check(this.tasks.get(txn, id), me)))
			.thenReturn(ResponseEntity.noContent().build());
	}

	/** The file's bytes, if its task is there. */
	private ResponseEntity<Resource> serve(StoredFile file) {
		this.tasks.get(file.ownerId());
		return this.attachments.download(file);
	}

}
