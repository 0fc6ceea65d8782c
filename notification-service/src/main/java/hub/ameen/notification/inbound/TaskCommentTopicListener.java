package hub.ameen.notification.inbound;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import hub.ameen.notification.feed.ActivityFeed;
import hub.ameen.notification.inbox.NotificationDraft;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventHandlers;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.NotificationTypes;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Topics#TASK_COMMENT}: a new comment ({@code comment.created}) tells the
 * users it mentions ({@code task.mentioned}) and the rest of its recipients, the task's
 * assignee and watchers ({@code task.commented}), once per event id; tasks-service has
 * already left the author out. Edits and deletions tell nobody.
 */
@Component
class TaskCommentTopicListener {

	/** How much of the comment a notification quotes. */
	static final int EXCERPT = 140;

	private final EventHandlers handlers;

	private final Notifier notifier;

	TaskCommentTopicListener(Inbox inbox, Notifier notifier, JsonMapper json, ActivityFeed feed) {
		this.notifier = notifier;
		this.handlers = EventHandlers.through(inbox, json)
			.on("comment.created", CommentPayload.class, feed.alongside(this::tell));
	}

	/**
	 * The part of a comment event this service reads.
	 *
	 * @param id the comment
	 * @param taskId its task
	 * @param taskTitle the task's title
	 * @param authorId who wrote it
	 * @param body its text
	 * @param mentionIds who it mentions
	 * @param recipientIds who is to be told: the mentioned users, assignee and watchers
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CommentPayload(String id, String taskId, String taskTitle, String authorId, String body,
			List<String> mentionIds, List<String> recipientIds) {

		CommentPayload {
			if (taskId == null || taskId.isBlank()) {
				throw new IllegalArgumentException("a comment needs a taskId");
			}
			mentionIds = (mentionIds != null) ? mentionIds : List.of();
			recipientIds = (recipientIds != null) ? recipientIds : List.of();
		}

		String excerpt() {
			String text = (this.body != null) ? this.body.strip() : "";
			return (text.length() <= EXCERPT) ? text : text.substring(0, EXCERPT - 1) + "…";
		}

		String title() {
			return (this.taskTitle == null || this.taskTitle.isBlank()) ? "a task" : this.taskTitle;
		}

	}

	@KafkaListener(topics = Topics.TASK_COMMENT)
	void on(EventEnvelope event) {
		this.handlers.handle(event);
	}

	private void tell(WriteTxn txn, EventEnvelope event, CommentPayload comment) {
		String link = "/tasks/" + comment.taskId() + "#comment-" + comment.id();
		List<String> mentioned = others(comment.mentionIds(), comment.authorId());
		List<String> followers = others(comment.recipientIds(), comment.authorId());
		followers.removeAll(mentioned);
		this.notifier.notify(txn, new NotificationDraft(NotificationTypes.TASK_MENTIONED,
				"You were mentioned on " + comment.title(), comment.excerpt(), link, event.id(), event.occurredAt()),
				mentioned);
		this.notifier.notify(txn, new NotificationDraft(NotificationTypes.TASK_COMMENTED,
				"New comment on " + comment.title(), comment.excerpt(), link, event.id(), event.occurredAt()),
				followers);
	}

	private static List<String> others(List<String> users, String authorId) {
		List<String> others = new ArrayList<>(users);
		others.removeIf((user) -> user == null || user.equals(authorId));
		return others;
	}

}
