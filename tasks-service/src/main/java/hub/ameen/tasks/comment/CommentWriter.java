package hub.ameen.tasks.comment;

import java.time.Clock;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.web.NotFoundException;
import hub.ameen.tasks.task.Task;
import hub.ameen.tasks.user.UserDirectory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Writes comments: a new one reads its task (404 when gone) and is kept in the same
 * transaction, with the users it mentions resolved first (400 for a non-user); an edit is
 * its author's (or a holder of {@code tasks:manage}) and tells nobody again.
 */
@Component
class CommentWriter {

	private final Aggregate<Comment> comments;

	private final Aggregate<Task> tasks;

	private final UserDirectory users;

	private final Clock clock;

	CommentWriter(Aggregate<Comment> comments, Aggregate<Task> tasks, UserDirectory users, Clock clock) {
		this.comments = comments;
		this.tasks = tasks;
		this.users = users;
		this.clock = clock;
	}

	Mono<Comment> create(String taskId, CreateCommentRequest request, CurrentUser me) {
		var mentions = Mentions.users(request.body(), this.users);
		return this.comments.inTransaction((txn) -> this.comments.createIn(txn,
				request.toComment(Ids.next(), this.tasks.get(txn, taskId), me.id(), mentions, this.clock.instant()),
				me.id()));
	}

	Mono<Comment> edit(String taskId, String id, PatchCommentRequest request, CurrentUser me) {
		var mentions = Mentions.users(request.body(), this.users);
		return this.comments.update(id,
				(comment) -> check(comment, taskId, me).edited(request.body(), mentions, this.clock.instant()),
				me.id());
	}

	Mono<Comment> remove(String taskId, String id, CurrentUser me) {
		return this.comments.remove(id, (comment) -> check(comment, taskId, me), me.id());
	}

	private static Comment check(Comment comment, String taskId, CurrentUser me) {
		if (!comment.taskId().equals(taskId)) {
			throw new NotFoundException("Comment", comment.id());
		}
		if (!me.id().equals(comment.authorId()) && !me.can(Permissions.TASKS_MANAGE)) {
			throw new CommentAccessDenied(comment.id());
		}
		return comment;
	}

}
