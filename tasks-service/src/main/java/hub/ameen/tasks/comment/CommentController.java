package hub.ameen.tasks.comment;

import java.net.URI;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.web.PageResponse;
import hub.ameen.tasks.task.Task;
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
 * {@code /api/tasks/{taskId}/comments}: anyone with {@code tasks:read} reads a task's
 * comments, anyone with {@code tasks:write} comments; only the author (or a holder of
 * {@code tasks:manage}) edits or deletes a comment.
 */
@RestController
@RequestMapping("/api/tasks/{taskId}/comments")
class CommentController {

	private final Aggregate<Comment> comments;

	private final Aggregate<Task> tasks;

	private final CommentWriter writer;

	CommentController(Aggregate<Comment> comments, Aggregate<Task> tasks, CommentWriter writer) {
		this.comments = comments;
		this.tasks = tasks;
		this.writer = writer;
	}

	@GetMapping
	@PreAuthorize(Permissions.HAS_TASKS_READ)
	Mono<PageResponse<Comment>> list(@PathVariable String taskId, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		PageRequest page = PageRequest.of(limit, cursor);
		return Mono.fromCallable(() -> {
			this.tasks.get(taskId);
			return this.comments.newestFirst(CommentConfiguration.BY_TASK, taskId, page, (comment) -> true);
		});
	}

	@PostMapping
	@PreAuthorize(Permissions.HAS_TASKS_WRITE)
	Mono<ResponseEntity<Comment>> create(@PathVariable String taskId,
			@Valid @RequestBody CreateCommentRequest request) {
		return CurrentUser.current()
			.flatMap((me) -> this.writer.create(taskId, request, me))
			.map((comment) -> ResponseEntity.created(URI.create("/api/tasks/" + taskId + "/comments/" + comment.id()))
				.body(comment));
	}

	@PatchMapping("/{id}")
	@PreAuthorize(Permissions.HAS_TASKS_WRITE)
	Mono<Comment> update(@PathVariable String taskId, @PathVariable String id,
			@Valid @RequestBody PatchCommentRequest request) {
		return CurrentUser.current().flatMap((me) -> this.writer.edit(taskId, id, request, me));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(Permissions.HAS_TASKS_WRITE)
	Mono<ResponseEntity<Void>> delete(@PathVariable String taskId, @PathVariable String id) {
		return CurrentUser.current()
			.flatMap((me) -> this.writer.remove(taskId, id, me))
			.thenReturn(ResponseEntity.noContent().build());
	}

}
