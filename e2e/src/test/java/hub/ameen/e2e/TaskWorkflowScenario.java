package hub.ameen.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import hub.ameen.e2e.Cast.Actor;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10 through the gateway, on the running suite, with the cast's members: the owner
 * gives the third member work, mentions another member in a comment, completes one task
 * before its reminder, lets another's reminder come due, and completes a recurring task.
 * Each member watches their own stream, as a browser tab does.
 */
final class TaskWorkflowScenario {

	private final Cast cast;

	private final Api gateway;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	TaskWorkflowScenario(Cast cast) {
		this.cast = cast;
		this.gateway = cast.gateway();
	}

	/**
	 * Runs the whole workflow; returns how long after its time the reminder reached the
	 * assignee's stream.
	 */
	Duration assigningCommentingRemindingAndRecurringReachTheRightStreamsOnce() throws Exception {
		String owner = this.cast.token(Actor.OWNER);
		awaitAssignable(owner);
		try (SseClient assignee = stream(this.cast.thirdToken());
				SseClient mentioned = stream(this.cast.token(Actor.OTHER))) {
			// due a minute and some seconds ahead, with a reminder a minute before
			Instant remindAt = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
			Instant due = remindAt.plus(Duration.ofMinutes(1));
			String reminded = createTask(owner, "Reminded " + this.run, due, null);
			String completed = createTask(owner, "Completed early " + this.run, due, null);

			List<SseClient.Event> seen = new ArrayList<>();
			awaitNotification(assignee, "task.assigned", "Assigned to you: Reminded " + this.run, seen,
					Duration.ofSeconds(10));
			awaitNotification(assignee, "task.assigned", "Assigned to you: Completed early " + this.run, seen,
					Duration.ofSeconds(10));

			String comment = comment(owner, reminded, "@" + this.cast.email(Actor.OTHER) + " can you call Layla?");
			awaitNotification(mentioned, "task.mentioned", "You were mentioned on Reminded " + this.run,
					new ArrayList<>(), Duration.ofSeconds(10));
			Api.Response edited = this.gateway.patch("/api/tasks/" + reminded + "/comments/" + comment, owner,
					Map.of("body", "@" + this.cast.email(Actor.OTHER) + " can you call Layla today?"));
			assertThat(edited.status()).as(edited.toString()).isEqualTo(200);

			Api.Response done = this.gateway.patch("/api/tasks/" + completed, owner, Map.of("status", "done"));
			assertThat(done.status()).as(done.toString()).isEqualTo(200);
			assertThat(Instant.now()).as("completed before its reminder").isBefore(remindAt);

			recurringTaskCompletedCreatesTheNextOne(owner);
			aTaskLinksOnlyToACrmRecordThatExists(owner);

			SseClient.Event reminder = awaitNotification(assignee, "task.reminder", "Reminder: Reminded " + this.run,
					seen, Duration.ofSeconds(30));
			Duration late = Duration.between(remindAt, reminder.receivedAt());
			assertThat(late).as("remind time -> the assignee's stream through the gateway")
				.isLessThanOrEqualTo(Duration.ofSeconds(2));

			seen.addAll(notifications(assignee.drain(Duration.ofSeconds(3))));
			assertThat(seen).as("the reminder once, none for the task completed before it")
				.filteredOn((event) -> "task.reminder".equals(event.data().path("type").asString()))
				.extracting((event) -> event.data().path("title").asString())
				.containsExactly("Reminder: Reminded " + this.run);
			assertThat(notifications(mentioned.drain(Duration.ofMillis(500)))).as("the edit tells no one again")
				.noneMatch((event) -> "task.mentioned".equals(event.data().path("type").asString()));
			return late;
		}
	}

	/**
	 * Waits until tasks-service has heard of the cast (a cast signed in just now is known
	 * to it a moment later, from user-service's events).
	 */
	private void awaitAssignable(String owner) {
		Map<String, Object> probe = Map.of("title", "Probe " + this.run, "assigneeId", this.cast.thirdId());
		String[] id = { null };
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
			Api.Response created = this.gateway.post("/api/tasks", owner, probe);
			id[0] = (created.status() == 201) ? created.json().get("id").asString() : null;
			return id[0] != null;
		});
		assertThat(this.gateway.delete("/api/tasks/" + id[0], owner).status()).isEqualTo(204);
	}

	private void recurringTaskCompletedCreatesTheNextOne(String owner) {
		String title = "Daily report " + this.run;
		Instant due = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
		String id = createTask(owner, title, due, "FREQ=DAILY;COUNT=3");
		Api.Response done = this.gateway.patch("/api/tasks/" + id, owner, Map.of("status", "done"));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		JsonNode items = this.gateway.get("/api/tasks?q=" + this.run + "&view=created", owner).json().get("items");
		List<JsonNode> series = StreamSupport.stream(items.spliterator(), false)
			.filter((task) -> title.equals(task.path("title").asString()))
			.toList();
		assertThat(series).as("the completed task and its next occurrence").hasSize(2);
		JsonNode next = series.stream()
			.filter((task) -> !id.equals(task.path("id").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(next.path("status").asString()).isEqualTo("todo");
		assertThat(Instant.parse(next.path("dueAt").asString())).isEqualTo(due.plus(Duration.ofDays(1)));
		assertThat(next.path("recurrence").asString()).contains("FREQ=DAILY").contains("COUNT=2");
	}

	/**
	 * A contact created through the gateway, then at once a task about it: tasks-service
	 * has heard of the contact by the time it answers; one nobody created is refused.
	 */
	private void aTaskLinksOnlyToACrmRecordThatExists(String owner) {
		Api.Response contact = this.gateway.post("/api/crm/contacts", owner,
				Map.of("firstName", "Layla", "lastName", "Linked " + this.run));
		assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
		String contactId = contact.json().get("id").asString();
		Api.Response linked = this.gateway.post("/api/tasks", owner,
				Map.of("title", "Call Layla " + this.run, "related", Map.of("type", "contact", "id", contactId)));
		assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
		assertThat(linked.json().at("/related/id").asString()).isEqualTo(contactId);
		Api.Response unknown = this.gateway.post("/api/tasks", owner, Map.of("title", "Call nobody " + this.run,
				"related", Map.of("type", "contact", "id", "no-such-" + this.run)));
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
		assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("related");
	}

	private String createTask(String owner, String title, Instant due, String recurrence) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title, "assigneeId", this.cast.thirdId(),
				"dueAt", due.toString(), "reminders", List.of(Map.of("minutesBefore", 1))));
		if (recurrence != null) {
			body.put("recurrence", recurrence);
		}
		Api.Response created = this.gateway.post("/api/tasks", owner, body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String comment(String owner, String task, String body) {
		Api.Response created = this.gateway.post("/api/tasks/" + task + "/comments", owner, Map.of("body", body));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private SseClient stream(String bearer) throws Exception {
		SseClient stream = new SseClient(this.gateway.port(), "/api/notifications/stream", bearer, null);
		assertThat(stream.status(Duration.ofSeconds(10))).isEqualTo(200);
		return stream;
	}

	/**
	 * Waits for a notification of the type (and title, if given), keeping every other
	 * notification read meanwhile in {@code seen}.
	 */
	private static SseClient.Event awaitNotification(SseClient stream, String type, String title,
			List<SseClient.Event> seen, Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			SseClient.Event event = stream.next(Duration.between(Instant.now(), deadline));
			if (event == null || !"notification".equals(event.name())) {
				continue;
			}
			seen.add(event);
			if (type.equals(event.data().path("type").asString())
					&& (title == null || title.equals(event.data().path("title").asString()))) {
				return event;
			}
		}
		throw new AssertionError("no " + type + " " + title + " on the stream within " + timeout + "; saw " + seen);
	}

	private static List<SseClient.Event> notifications(List<SseClient.Event> events) {
		return events.stream().filter((event) -> "notification".equals(event.name())).toList();
	}

}
