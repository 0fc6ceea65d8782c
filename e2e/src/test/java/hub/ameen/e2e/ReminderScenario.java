package hub.ameen.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4 on a running suite: a reminder reaches the browser's stream through the gateway
 * on time and once, even when the notification or scheduler service is down at its due
 * time and restarted (twice) afterwards.
 */
final class ReminderScenario {

	private final Hub hub;

	private final Api gateway;

	private final String bearer;

	private final String userId;

	ReminderScenario(Hub hub, Api gateway, String bearer) {
		this.hub = hub;
		this.gateway = gateway;
		this.bearer = bearer;
		this.userId = gateway.get("/api/users/me", bearer).json().get("id").asString();
	}

	/**
	 * Schedules an event whose one-minute reminder is due after {@code lead}; returns its
	 * due time.
	 */
	Instant scheduleReminder(String title, Duration lead) {
		Instant due = Instant.now().plus(lead).truncatedTo(ChronoUnit.SECONDS);
		Instant start = due.plus(Duration.ofMinutes(1));
		Api.Response created = this.gateway.post("/api/scheduler/events", this.bearer,
				Map.of("title", title, "startsAt", start.toString(), "endsAt",
						start.plus(Duration.ofMinutes(30)).toString(), "timeZone", "Asia/Riyadh", "reminders",
						List.of(Map.of("minutesBefore", 1)), "attendeeIds", List.of(this.userId)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return due;
	}

	/** Returns the due-to-delivery latency. */
	Duration reminderArrivesLiveThroughTheGatewayOnceAndOnTime() throws Exception {
		String title = "Live " + UUID.randomUUID();
		try (SseClient stream = new SseClient(this.hub.port("gateway"), "/api/notifications/stream", this.bearer,
				null)) {
			assertThat(stream.status(Duration.ofSeconds(10))).isEqualTo(200);
			Instant due = scheduleReminder(title, Duration.ofSeconds(6));
			SseClient.Event reminder = awaitReminder(stream, title, Duration.ofSeconds(30));
			Duration latency = Duration.between(due, reminder.receivedAt());
			assertThat(latency).as("due → on the stream through the gateway")
				.isLessThanOrEqualTo(Duration.ofSeconds(2));
			assertThat(stream.drain(Duration.ofSeconds(3))).as("no second copy")
				.noneMatch((event) -> isReminderFor(event.data(), title));
			return latency;
		}
	}

	void reminderDueWhileAServiceIsDownArrivesOnceAfterItIsBack(String service, boolean firedLate) throws Exception {
		String title = service + " down " + UUID.randomUUID();
		Instant due = scheduleReminder(title, Duration.ofSeconds(8));
		this.hub.stop(service);
		await().atMost(Duration.ofSeconds(60)).until(() -> Instant.now().isAfter(due.plusSeconds(3)));
		this.hub.upAgain();
		awaitOneNotification(title);
		// once more: a restart re-reads from the committed offsets and the outbox, and
		// must not deliver it again
		this.hub.stop(service);
		this.hub.upAgain();
		assertThat(countNotifications(title)).as("after one more restart of " + service).isEqualTo(1);
		assertThat(notifications(title).get(0).path("body").asString()).as("marked late")
			.satisfies((body) -> assertThat(body.contains("late")).isEqualTo(firedLate));
		try (SseClient replay = new SseClient(this.hub.port("gateway"), "/api/notifications/stream", this.bearer,
				"0")) {
			List<SseClient.Event> all = replay.drain(Duration.ofSeconds(3));
			assertThat(all).filteredOn((event) -> isReminderFor(event.data(), title)).hasSize(1);
			assertThat(all).extracting((event) -> Long.parseLong(event.id())).isSorted().doesNotHaveDuplicates();
		}
	}

	private void awaitOneNotification(String title) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> countNotifications(title) >= 1);
	}

	private long countNotifications(String title) {
		return notifications(title).size();
	}

	private List<JsonNode> notifications(String title) {
		JsonNode items = this.gateway.get("/api/notifications?limit=200", this.bearer).json().get("items");
		return StreamSupport.stream(items.spliterator(), false).filter((n) -> isReminderFor(n, title)).toList();
	}

	private static SseClient.Event awaitReminder(SseClient stream, String title, Duration timeout)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			SseClient.Event event = stream.next(Duration.between(Instant.now(), deadline));
			if (event != null && isReminderFor(event.data(), title)) {
				return event;
			}
		}
		throw new AssertionError("no reminder for " + title + " on the stream within " + timeout);
	}

	private static boolean isReminderFor(JsonNode notification, String title) {
		return "reminder.due".equals(notification.path("type").asString())
				&& title.equals(notification.path("title").asString());
	}

}
