package hub.ameen.tasks.comment;

import java.net.URI;
import java.time.Clock;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.web.NotFoundException;
import hub.ameen.platform.web.PageResponse;
import hub.ameen.tasks.task.Task;
import hub.ameen.tasks.user.UserDirectory;
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

	private final UserDirectory users;

	private final Clock clock;

	CommentController(Aggregate<Comment> comments, Aggregate<Task> tasks, UserDirectory users, Clock clock) {
		this.comments = comments;
		this.tasks = tasks;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('tasks:read')")
	Mono<PageResponse<Comment>> list(@PathVariable String taskId, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		PageRequest page = PageRequest.of(limit, cursor);
		return Mono.fromCallable(() -> {
			this.tasks.get(taskId);
			return this.comments.newestFirst(CommentConfiguration.BY_TASK, taskId, page, (comment) -> true);
		});
	}

	@PostMapping
	@PreAuthorize("hasAuthority('tasks:write')")
	Mono<ResponseEntity<Comment>> create(@PathVariable String taskId,
			@Valid @RequestBody CreateCommentRequest request) {
		return CurrentUser.current().flatMap((me) -> {
			var mentions = Mentions.users(request.body(), this.users);
			return this.comments.inTransaction((txn) -> this.comments.create(txn,
					request.toComment(Ids.next(), this.tasks.get(txn, taskId), me.id(), mentions, this.clock.instant()),
					me.id()));
		})
			.map((comment) -> ResponseEntity.created(URI.create("/api/tasks/" + taskId + "/comments/" + comment.id()))
				.body(comment));
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasAuthority('tasks:write')")
	Mono<Comment> update(@PathVariable String taskId, @PathVariable String id,
			@Valid @RequestBody PatchCommentRequest request) {
		return CurrentUser.current().flatMap((me) -> {
			var mentions = Mentions.users(request.body(), this.users);
			return this.comments.inTransaction((txn) -> this.comments.update(txn,
					authored(txn, taskId, id, me).edited(request.body(), mentions, this.clock.instant()), me.id()));
		});
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAuthority('tasks:write')")
	Mono<ResponseEntity<Void>> delete(@PathVariable String taskId, @PathVariable String id) {
		return CurrentUser.current()
			.flatMap((me) -> this.comments.remove(id, (comment) -> check(comment, taskId, me), me.id()))
			.thenReturn(ResponseEntity.noContent().build());
	}

	private Comment authored(ReadTxn txn, String taskId, String id, CurrentUser me) {
		Comment comment = this.comments.get(txn, id);
		check(comment, taskId, me);
		return comment;
	}

	private static void check(Comment comment, String taskId, CurrentUser me) {
		if (!comment.taskId().equals(taskId)) {
			throw new NotFoundException("Comment", comment.id());
		}
		if (!me.id().equals(comment.authorId()) && !me.can(Permissions.TASKS_MANAGE)) {
			throw new CommentAccessDenied(comment.id());
		}
	}

}
