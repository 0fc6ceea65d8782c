package hub.ameen.tasks.comment;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import hub.ameen.tasks.task.Task;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new comment as a client sends it.
 *
 * @param body the text; {@code @} followed by a user's email mentions them
 */
record CreateCommentRequest(@NotBlank @Size(max = 10_000) String body) {

	/**
	 * The comment on the task: the mentioned users, the assignee and the watchers are
	 * told, each once, never the author.
	 */
	Comment toComment(String id, Task task, String authorId, List<String> mentionIds, Instant now) {
		Set<String> recipients = new LinkedHashSet<>(mentionIds);
		if (task.assigneeId() != null) {
			recipients.add(task.assigneeId());
		}
		recipients.addAll(task.watcherIds());
		recipients.remove(authorId);
		return new Comment(id, task.id(), task.title(), authorId, this.body, mentionIds, List.copyOf(recipients), now,
				now);
	}

}
