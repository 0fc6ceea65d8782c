package hub.ameen.tasks.comment;

import java.time.Instant;
import java.util.List;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * A comment on a task, and the payload of its events on {@link Topics#TASK_COMMENT}.
 *
 * @param id opaque, time-ordered id
 * @param taskId the task it is on
 * @param taskTitle the task's title when the comment was made
 * @param authorId who wrote it
 * @param body the text, at most 10,000 characters
 * @param mentionIds the users its {@code @email}s mention, as the body now reads
 * @param recipientIds who was told of it when it was made: the mentioned users, the
 * task's assignee and watchers, never the author; editing does not change it
 * @param createdAt when it was made
 * @param updatedAt when it was last edited
 */
public record Comment(String id, String taskId, String taskTitle, String authorId, String body, List<String> mentionIds,
		List<String> recipientIds, Instant createdAt, Instant updatedAt) {

	public static final EventType<Comment> CREATED = EventType.named("comment.created").on(Topics.TASK_COMMENT);

	public static final EventType<Comment> UPDATED = EventType.named("comment.updated").on(Topics.TASK_COMMENT);

	public static final EventType<Comment> DELETED = EventType.named("comment.deleted").on(Topics.TASK_COMMENT);

	public Comment {
		mentionIds = (mentionIds != null) ? List.copyOf(mentionIds) : List.of();
		recipientIds = (recipientIds != null) ? List.copyOf(recipientIds) : List.of();
	}

	Comment edited(String newBody, List<String> mentions, Instant now) {
		return new Comment(this.id, this.taskId, this.taskTitle, this.authorId, newBody, mentions, this.recipientIds,
				this.createdAt, now);
	}

}
