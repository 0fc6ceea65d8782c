package hub.ameen.notification.inbound;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import hub.ameen.notification.ServiceTestSupport;
import hub.ameen.notification.inbox.Notification;
import hub.ameen.notification.inbox.NotificationStore;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.test.web.SseClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Comments on tasks, over the real broker to the live stream: the mentioned user hears
 * once, the assignee and watchers hear of the comment, the author never, and an edit
 * tells nobody again.
 */
class TaskCommentEventsTests extends ServiceTestSupport {

	static final Duration KAFKA = Duration.ofSeconds(30);

	@Autowired
	NotificationStore notifications;

	@Autowired
	Inbox inbox;

	@Test
	void aMentionReachesTheMentionedUsersStreamOnceAndTheAuthorHearsNothing() {
		String author = newUser();
		String mentioned = newUser();
		String watcher = newUser();
		try (SseClient stream = SseClient.connect(this.port, "/api/notifications/stream", auth(mentioned))) {
			EventEnvelope created = comment("comment.created", author, mentioned, watcher, "Please check @x@y.io");
			publish(Topics.TASK_COMMENT, created);
			publish(Topics.TASK_COMMENT, created);
			publish(Topics.TASK_COMMENT, comment("comment.updated", author, mentioned, watcher, "Please check, now"));
			// an event behind them on the same partition: once it is handled, so are they
			String marker = newUser();
			EventEnvelope behind = comment("comment.created", author, marker, marker, "Later");
			publish(Topics.TASK_COMMENT, behind);
			await().atMost(KAFKA).until(() -> this.inbox.isProcessed(behind.id()));
			await().atMost(KAFKA).until(() -> stream.notifications().size() >= 1);

			assertThat(stream.notifications()).hasSize(1);
			JsonNode data = this.json.readTree(stream.notifications().get(0).data());
			assertThat(data.get("type").asString()).isEqualTo("task.mentioned");
			assertThat(data.get("title").asString()).isEqualTo("You were mentioned on Send the quote");
			assertThat(data.get("body").asString()).isEqualTo("Please check @x@y.io");
			assertThat(data.get("link").asString()).isEqualTo("/tasks/task-" + author + "#comment-c-" + author);
		}
		assertThat(all(watcher)).extracting(Notification::type).containsExactly("task.commented");
		assertThat(all(author)).isEmpty();
	}

	private EventEnvelope comment(String type, String author, String mentioned, String watcher, String body) {
		EventEnvelope event = event(type, "c-" + author,
				Map.of("id", "c-" + author, "taskId", "task-" + author, "taskTitle", "Send the quote", "authorId",
						author, "body", body, "mentionIds", List.of(mentioned, author), "recipientIds",
						List.of(mentioned, watcher, author)));
		return new EventEnvelope(event.id(), event.type(), 1, event.occurredAt(), event.key(), author, event.payload());
	}

	private List<Notification> all(String user) {
		return this.notifications.page(user, PageRequest.of(200, null), false).items();
	}

}
