package hub.ameen.tasks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.test.kafka.TopicWriter;
import hub.ameen.tasks.user.UserDirectory;
import hub.ameen.platform.test.kafka.TopicReader;
import hub.ameen.platform.test.kafka.UsesKafka;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import hub.ameen.platform.test.web.JsonCalls;
import hub.ameen.platform.test.web.ApiDocsCoverage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on the broker: tasks stored in LMDB and announced on
 * {@code hub.tasks.task.v1} (which the scheduler watches for due dates). The controller's
 * rules and permissions are {@code TaskControllerTests}, without a broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@UsesKafka
@UsesTestTokens
class TaskApiTests {

	@TempDir
	static java.nio.file.Path dir;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("hub.store.path", () -> dir.resolve("tasks-service").toString());
		registry.add("hub.tasks.crm-record-wait", () -> "1s");
		// empty, not restored from the changelogs other tests write to the broker
		registry.add("hub.events.changelog.restore", () -> "false");
	}

	static final String WRITER = TestTokens.shared().bearer("worker-1", "tasks:read", "tasks:write");

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Test
	void everyEndpointIsInTheOpenApiDocumentWithItsPermissions() {
		assertThat(ApiDocsCoverage.gaps(this.context, this.client)).isEmpty();
	}

	@Autowired
	UserDirectory users;

	@Test
	void taskIsStoredPublishedChangedAndDeleted() {
		String contact = crmRecord("contact", "created", "c-" + java.util.UUID.randomUUID());
		JsonNode created = create(Map.of("title", "Call Layla", "priority", "high", "dueAt", "2026-12-01T09:00:00Z",
				"labels", List.of("sales"), "related", Map.of("type", "contact", "id", contact)));
		String id = created.get("id").asString();
		assertThat(created.get("createdBy").asString()).isEqualTo("worker-1");
		assertThat(created.get("status").asString()).isEqualTo("todo");

		this.client.patch()
			.uri("/api/tasks/" + id)
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.bodyValue(Map.of("status", "done"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("done")
			.jsonPath("$.priority")
			.isEqualTo("high");
		this.client.delete()
			.uri("/api/tasks/" + id)
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.exchange()
			.expectStatus()
			.isNoContent();
		this.client.get()
			.uri("/api/tasks/" + id)
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.exchange()
			.expectStatus()
			.isNotFound();

		try (TopicReader reader = new TopicReader(Topics.TASK)) {
			List<String> types = reader.awaitUntil((all) -> all.stream().filter((r) -> id.equals(r.key())).count() >= 3)
				.stream()
				.filter((r) -> id.equals(r.key()))
				.map((r) -> JsonMapper.shared().readTree(r.value()).get("type").asString())
				.toList();
			assertThat(types).containsExactly("task.created", "task.updated", "task.deleted");
		}
	}

	@Test
	void theEventOfARequestCarriesTheRequestsTraceToKafka() {
		String traceId = java.util.UUID.randomUUID().toString().replace("-", "");
		String id = this.client.post()
			.uri("/api/tasks")
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.bodyValue(Map.of("title", "Traced"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
		try (TopicReader reader = new TopicReader(Topics.TASK)) {
			var record = reader.awaitUntil((all) -> all.stream().anyMatch((r) -> id.equals(r.key())))
				.stream()
				.filter((r) -> id.equals(r.key()))
				.findFirst()
				.orElseThrow();
			// the same trace, from the span of the request that wrote it
			assertThat(new String(record.headers().lastHeader("traceparent").value(),
					java.nio.charset.StandardCharsets.US_ASCII))
				.startsWith("00-" + traceId + "-")
				.endsWith("-01");
		}
	}

	@Test
	void theOrganisationsDefaultsFromSettingsEventsMoveTheDigestOfUsersWhoKeptTheDefault() {
		String keeper = "k-" + java.util.UUID.randomUUID();
		String early = "e-" + java.util.UUID.randomUUID();
		TopicWriter.shared()
			.send(Topics.USER, keeper, EventEnvelope.of("user.created", 1, keeper, "admin",
					Map.of("id", keeper, "email", keeper + "@hub.test", "status", "active")));
		TopicWriter.shared()
			.send(Topics.USER, early, EventEnvelope.of("user.created", 1, early, "admin", Map.of("id", early, "email",
					early + "@hub.test", "status", "active", "timeZone", "Europe/Berlin", "digestTime", "06:00")));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.users.isActive(keeper) && this.users.isActive(early));
		assertThat(this.users.digestTimeOf(keeper)).hasToString("08:00");

		TopicWriter.shared()
			.send(Topics.SETTINGS, "organisation", EventEnvelope.of("settings.updated", 1, "organisation", "admin",
					Map.of("name", "Najd", "timeZone", "Asia/Riyadh", "digestTime", "07:15", "weekStart", "SUNDAY")));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.users.digestTimeOf(keeper).toString().equals("07:15"));
		assertThat(this.users.digestTimeOf(early)).hasToString("06:00");
		assertThat(this.users.zoneOf(keeper)).hasToString("Asia/Riyadh");
		assertThat(this.users.zoneOf(early)).hasToString("Europe/Berlin");
		assertThat(this.users.defaults().firstDayOfWeek()).isEqualTo(java.time.DayOfWeek.SUNDAY);

		TopicWriter.shared()
			.send(Topics.SETTINGS, "organisation", EventEnvelope.of("settings.updated", 1, "organisation", "admin",
					Map.of("timeZone", "UTC", "digestTime", "08:00", "weekStart", "MONDAY")));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.users.zoneOf(keeper).getId().equals("UTC"));
	}

	@Test
	void anAssigneeMustBeAnActiveUserAndADisabledUsersTasksBecomeUnassigned() {
		String user = "u-" + java.util.UUID.randomUUID();
		String stranger = "s-" + java.util.UUID.randomUUID();
		this.client.post()
			.uri("/api/tasks")
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.bodyValue(Map.of("title", "Too early", "assigneeId", user))
			.exchange()
			.expectStatus()
			.isBadRequest();
		TopicWriter.shared()
			.send(Topics.USER, user, EventEnvelope.of("user.created", 1, user, "admin",
					Map.of("id", user, "email", user + "@hub.test", "status", "active", "timeZone", "Asia/Riyadh")));
		TopicWriter.shared()
			.send(Topics.USER, stranger, EventEnvelope.of("user.created", 1, stranger, "admin",
					Map.of("id", stranger, "email", stranger + "@hub.test", "status", "active")));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.users.isActive(user) && this.users.isActive(stranger));
		String theirs = create(Map.of("title", "Call Layla", "assigneeId", user)).get("id").asString();
		String other = create(Map.of("title", "Not theirs", "assigneeId", stranger)).get("id").asString();

		TopicWriter.shared()
			.send(Topics.USER, user, EventEnvelope.of("user.disabled", 1, user, "admin",
					Map.of("id", user, "email", user + "@hub.test", "status", "disabled")));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> get(theirs).get("assigneeId") == null || get(theirs).get("assigneeId").isNull());
		assertThat(get(other).get("assigneeId").asString()).isEqualTo(stranger);
		try (TopicReader reader = new TopicReader(Topics.TASK)) {
			List<String> actors = reader
				.awaitUntil((all) -> all.stream().filter((r) -> theirs.equals(r.key())).count() >= 2)
				.stream()
				.filter((r) -> theirs.equals(r.key()))
				.map((r) -> JsonMapper.shared().readTree(r.value()).get("actorId").asString())
				.toList();
			assertThat(actors).containsExactly("worker-1", "admin");
		}
	}

	@Test
	void eachUsersDigestIsPlannedAtTheirTimeOrTheOrganisationsAndMovesWithTheDefault() {
		String keeper = "dk-" + java.util.UUID.randomUUID();
		String own = "do-" + java.util.UUID.randomUUID();
		try (TopicReader plans = new TopicReader(Topics.TASK_DIGEST)) {
			sendUser("user.created", keeper, Map.of("timeZone", "Asia/Riyadh"));
			sendUser("user.created", own, Map.of("timeZone", "Europe/Berlin", "digestTime", "06:30"));
			assertThat(plan(plans, keeper, 1).toString())
				.contains("\"time\":\"" + this.users.defaults().digestTime() + "\"")
				.contains("Asia/Riyadh");
			assertThat(plan(plans, own, 1).toString()).contains("\"time\":\"06:30\"").contains("Europe/Berlin");

			TopicWriter.shared()
				.send(Topics.SETTINGS, "organisation", EventEnvelope.of("settings.updated", 1, "organisation", "admin",
						Map.of("timeZone", "UTC", "digestTime", "07:45", "weekStart", "MONDAY")));
			assertThat(plan(plans, keeper, 2).toString()).contains("\"time\":\"07:45\"");
			sendUser("user.disabled", own, Map.of("status", "disabled", "digestTime", "06:30"));
			assertThat(plan(plans, own, 2).toString()).contains("\"active\":false");
			// the default's move said nothing to the user with their own time
			assertThat(plans.pollKey(own, Duration.ofMillis(300))).hasSize(2);
		}
		TopicWriter.shared()
			.send(Topics.SETTINGS, "organisation", EventEnvelope.of("settings.updated", 1, "organisation", "admin",
					Map.of("timeZone", "UTC", "digestTime", "08:00", "weekStart", "MONDAY")));
	}

	@Test
	void aDueDigestListsTheUsersOpenOverdueAndTodaysTasksOnceAndNothingElse() {
		String user = "dd-" + java.util.UUID.randomUUID();
		sendUser("user.created", user, Map.of("timeZone", "UTC"));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.users.isActive(user));
		java.time.Instant at = java.time.Instant.parse("2026-12-02T08:00:00Z");
		String late = create(Map.of("title", "Late", "assigneeId", user, "dueAt", "2026-12-01T09:00:00Z")).get("id")
			.asString();
		String noon = create(Map.of("title", "Noon", "assigneeId", user, "dueAt", "2026-12-02T12:00:00Z")).get("id")
			.asString();
		create(Map.of("title", "Tomorrow", "assigneeId", user, "dueAt", "2026-12-03T00:00:00Z"));
		create(Map.of("title", "Done", "assigneeId", user, "dueAt", "2026-12-01T10:00:00Z", "status", "done"));
		create(Map.of("title", "No due time", "assigneeId", user));
		EventEnvelope due = EventEnvelope.of("scheduler.task.digest", 1, user, null,
				Map.of("userId", user, "day", "2026-12-02", "timeZone", "UTC", "dueAt", at.toString()));

		try (TopicReader digests = new TopicReader(Topics.TASK_DIGEST)) {
			TopicWriter.shared().send(Topics.TASK_DEADLINE, user, due);
			TopicWriter.shared().send(Topics.TASK_DEADLINE, user, due);
			var compiled = digests.awaitKey(user, Duration.ofSeconds(30),
					(all) -> all.stream().anyMatch((r) -> r.type().equals("digest.compiled")));
			JsonNode digest = compiled.stream()
				.filter((r) -> r.type().equals("digest.compiled"))
				.findFirst()
				.orElseThrow()
				.event()
				.payload();
			assertThat(digest.get("overdue").findValuesAsString("id")).containsExactly(late);
			assertThat(digest.get("today").findValuesAsString("id")).containsExactly(noon);
			assertThat(digest.get("overdueCount").asInt()).isEqualTo(1);
			assertThat(digest.get("day").asString()).isEqualTo("2026-12-02");
			assertThat(digests.pollKey(user, Duration.ofMillis(500))
				.stream()
				.filter((r) -> r.type().equals("digest.compiled"))).hasSize(1);
		}
	}

	@Test
	void aTaskLinksOnlyToACrmRecordThatExistsEvenOneCreatedAMomentBefore() {
		String contact = "lc-" + java.util.UUID.randomUUID();
		String company = "lo-" + java.util.UUID.randomUUID();
		String deal = "ld-" + java.util.UUID.randomUUID();
		String refused = "Linked to nothing " + java.util.UUID.randomUUID();
		try (TopicReader tasks = new TopicReader(Topics.TASK)) {
			for (Map<String, String> unknown : List.of(Map.of("type", "contact", "id", "nobody"),
					Map.of("type", "deal", "id", contact), Map.of("type", "invoice", "id", "i-1"))) {
				this.client.post()
					.uri("/api/tasks")
					.header(HttpHeaders.AUTHORIZATION, WRITER)
					.bodyValue(Map.of("title", refused, "related", unknown))
					.exchange()
					.expectStatus()
					.isBadRequest()
					.expectBody()
					.jsonPath("$.errors[0].field")
					.value((String field) -> assertThat(field).startsWith("related"));
			}
			// nothing was created by the refused requests: only the task made after them
			String after = create(Map.of("title", "After " + refused)).get("id").asString();
			assertThat(tasks.awaitUntil((all) -> all.stream().anyMatch((r) -> after.equals(r.key())))
				.stream()
				.map((r) -> JsonMapper.shared().readTree(r.value()).at("/payload/title").asString()))
				.doesNotContain(refused);
		}

		// each record's event is sent just before the task that links to it: the wait
		// covers
		// the moment until it arrives
		crmRecord("contact", "created", contact);
		String aboutContact = linked("contact", contact);
		crmRecord("company", "created", company);
		String aboutCompany = linked("company", company);
		crmRecord("deal", "created", deal);
		assertThat(linked("deal", deal)).isNotBlank();

		// a deleted record cannot be linked again; the tasks about it keep their link
		crmRecord("company", "deleted", company);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> this.client.patch()
				.uri("/api/tasks/" + aboutContact)
				.header(HttpHeaders.AUTHORIZATION, WRITER)
				.bodyValue(Map.of("related", Map.of("type", "company", "id", company)))
				.exchange()
				.expectStatus()
				.isBadRequest());
		assertThat(get(aboutCompany).at("/related/id").asString()).isEqualTo(company);
		assertThat(get(aboutContact).at("/related/id").asString()).isEqualTo(contact);

		// a merge moves the duplicate's tasks to the contact kept
		String kept = crmRecord("contact", "created", "lk-" + java.util.UUID.randomUUID());
		TopicWriter.shared()
			.send(Topics.CONTACT, kept, EventEnvelope.of("contact.merged", 1, kept, "admin",
					Map.of("contactId", kept, "duplicateId", contact, "movedDealIds", List.of())));
		await().atMost(Duration.ofSeconds(30)).until(() -> kept.equals(get(aboutContact).at("/related/id").asString()));
	}

	/** Sends a CRM record's event as crm-service would; returns its id. */
	private static String crmRecord(String type, String change, String id) {
		String topic = switch (type) {
			case "contact" -> Topics.CONTACT;
			case "company" -> Topics.COMPANY;
			default -> Topics.DEAL;
		};
		TopicWriter.shared().send(topic, id, EventEnvelope.of(type + "." + change, 1, id, "admin", Map.of("id", id)));
		return id;
	}

	private String linked(String type, String id) {
		JsonNode task = create(Map.of("title", "About " + id, "related", Map.of("type", type, "id", id)));
		assertThat(task.at("/related/id").asString()).isEqualTo(id);
		return task.get("id").asString();
	}

	private void sendUser(String type, String id, Map<String, Object> fields) {
		Map<String, Object> user = new java.util.HashMap<>(
				Map.of("id", id, "email", id + "@hub.test", "status", "active"));
		user.putAll(fields);
		TopicWriter.shared().send(Topics.USER, id, EventEnvelope.of(type, 1, id, "admin", user));
	}

	private static JsonNode plan(TopicReader plans, String user, int nth) {
		return plans.awaitKey(user, Duration.ofSeconds(30), (all) -> all.size() >= nth).get(nth - 1).event().payload();
	}

	private JsonNode get(String id) {
		return this.client.get()
			.uri("/api/tasks/" + id)
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private JsonNode create(Map<String, Object> body) {
		return JsonCalls.create(this.client, "/api/tasks", WRITER, body);
	}

}
