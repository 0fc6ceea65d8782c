package hub.ameen.notification.inbound;

import java.time.Duration;
import java.time.Instant;
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
 * Over the real broker: each notification type reaches a user as they chose in their own
 * settings (announced in user events) — live, held for the daily digest, or not at all —
 * and a compiled digest becomes one notification with what was held, none when empty.
 */
class TaskDigestEventsTests extends ServiceTestSupport {

	@Test
	void digestTypesArriveInsideTheDailyDigestOffTypesNeverAndLiveTypesAtOnce() {
		String user = newUser();
		publish(Topics.USER, event("user.updated", user, Map.of("id", user, "email", user + "@hub.test",
				"notifications", Map.of("task.reminder", "digest", "reminder.due", "off"))));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "digest".equals(delivery(user).get("task.reminder").asString()));
		assertThat(delivery(user).get("reminder.due").asString()).isEqualTo("off");
		assertThat(delivery(user).get("task.overdue").asString()).isEqualTo("live");

		try (SseClient stream = SseClient.connect(this.port, "/api/notifications/stream", auth(user))) {
			Instant due = Instant.parse("2026-12-02T12:00:00Z");
			publish(Topics.TASK_DEADLINE,
					event("scheduler.task.reminder", "t-" + user,
							Map.of("taskId", "t-" + user, "title", "Call Layla", "dueAt", due.toString(), "remindAt",
									due.minusSeconds(900).toString(), "recipients", List.of(user))));
			publish(Topics.REMINDER, reminder("e-" + user, "Planning", List.of(user)));
			publish(Topics.TASK_DEADLINE, event("scheduler.task.overdue", "t-" + user, Map.of("taskId", "t-" + user,
					"title", "Call Layla", "dueAt", due.toString(), "recipients", List.of(user))));
			await().atMost(Duration.ofSeconds(30)).until(() -> stream.notifications().size() >= 1);

			// the day's digest carries what was held
			publish(Topics.TASK_DIGEST,
					digest(user, "2026-12-03",
							List.of(Map.of("id", "t1", "title", "Send the quote", "dueAt", "2026-12-02T09:00:00Z")),
							List.of(Map.of("id", "t2", "title", "Call Layla", "dueAt", "2026-12-03T12:00:00Z"))));
			await().atMost(Duration.ofSeconds(30)).until(() -> stream.notifications().size() >= 2);

			assertThat(stream.notifications()).as(() -> stream.notifications().toString())
				.extracting((e) -> type(e.data()))
				.containsExactly("task.overdue", "task.digest");
			JsonNode digest = this.json.readTree(stream.notifications().get(1).data());
			assertThat(digest.get("title").asString()).isEqualTo("Your daily digest: 1 overdue, 1 due today, 1 update");
			assertThat(digest.get("body").asString())
				.isEqualTo("Overdue: Send the quote\nDue today: Call Layla\nUpdates: Reminder: Call Layla");
			assertThat(digest.get("eventAt").asString()).isEqualTo("2026-12-03T05:00:00Z");
			// what was held went out once: the next day's, with no tasks either, says
			// nothing
			publish(Topics.TASK_DIGEST, digest(user, "2026-12-04", List.of(), List.of()));
			publish(Topics.TASK_DEADLINE, event("scheduler.task.overdue", "t-" + user, Map.of("taskId", "t-" + user,
					"title", "Marker", "dueAt", due.toString(), "recipients", List.of(user))));
			await().atMost(Duration.ofSeconds(30)).until(() -> stream.notifications().size() >= 3);
			await().during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(5))
				.until(() -> stream.notifications().size() == 3);
		}
	}

	private EventEnvelope digest(String user, String day, List<Map<String, String>> overdue,
			List<Map<String, String>> today) {
		return event("digest.compiled", user,
				Map.of("userId", user, "day", day, "timeZone", "Asia/Riyadh", "dueAt", day + "T05:00:00Z", "overdue",
						overdue, "today", today, "overdueCount", overdue.size(), "todayCount", today.size()));
	}

	private String type(String data) {
		return this.json.readTree(data).get("type").asString();
	}

	private JsonNode delivery(String user) {
		return this.web.get()
			.uri("/api/notifications/preferences")
			.header("Authorization", bearer(user))
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("delivery");
	}

}
