package hub.ameen.notification.inbound;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import hub.ameen.notification.ServiceTestSupport;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.test.web.SseClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A task's reminder, fired by the scheduler, over the real broker to the live stream,
 * once however often Kafka delivers it.
 */
class TaskReminderEventsTests extends ServiceTestSupport {

	@Test
	void aTaskReminderReachesTheRecipientsStreamOnce() {
		String assignee = newUser();
		Instant due = Instant.now().plus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.SECONDS);
		Instant remindAt = due.minus(Duration.ofMinutes(15));
		EventEnvelope reminder = event("scheduler.task.reminder", "task-" + assignee,
				Map.of("taskId", "task-" + assignee, "title", "Call Layla", "dueAt", due.toString(), "minutesBefore",
						15, "remindAt", remindAt.toString(), "firedAt", remindAt.toString(), "late", false,
						"recipients", List.of(assignee)));
		try (SseClient stream = SseClient.connect(this.port, "/api/notifications/stream", auth(assignee))) {
			publish(Topics.TASK_DEADLINE, reminder);
			publish(Topics.TASK_DEADLINE, reminder);
			publish(Topics.TASK_DEADLINE,
					event("scheduler.task.overdue", "task-" + assignee, Map.of("taskId", "task-" + assignee, "title",
							"Call Layla", "dueAt", due.toString(), "recipients", List.of(assignee))));
			await().atMost(Duration.ofSeconds(30)).until(() -> stream.notifications().size() >= 2);

			assertThat(stream.notifications()).extracting((e) -> this.json.readTree(e.data()).get("type").asString())
				.containsExactly("task.reminder", "task.overdue");
			JsonNode data = this.json.readTree(stream.notifications().get(0).data());
			assertThat(data.get("title").asString()).isEqualTo("Reminder: Call Layla");
			assertThat(data.get("body").asString()).isEqualTo("Due in 15 minutes");
			assertThat(data.get("link").asString()).isEqualTo("/tasks/task-" + assignee);
			assertThat(data.get("eventAt").asString()).isEqualTo(remindAt.toString());
		}
	}

}
