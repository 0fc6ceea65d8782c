package hub.ameen.tasks.task;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.security.PlatformSecurityAutoConfiguration;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.config.StoreAutoConfiguration;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import hub.ameen.platform.test.web.JsonCalls;
import hub.ameen.platform.test.web.PermissionMatrix;
import hub.ameen.platform.web.PlatformWebAutoConfiguration;
import hub.ameen.tasks.user.UserDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.StatusAssertions;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controller's rules without a broker: validation, who may change which task, and the
 * permission matrix, over a real store in a temporary directory (the outbox fills; no
 * relay runs).
 */
@WebFluxTest(controllers = TaskController.class, properties = TestTokens.WITHOUT_REVOCATIONS)
@ImportAutoConfiguration({ PlatformWebAutoConfiguration.class, PlatformSecurityAutoConfiguration.class,
		StoreAutoConfiguration.class })
@Import({ TaskConfiguration.class, TaskBoard.class, TaskSeries.class, hub.ameen.tasks.crm.CrmRecords.class,
		UserDirectory.class, TaskControllerTests.Outboxed.class })
@UsesTestTokens
class TaskControllerTests {

	@TempDir
	static Path dir;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("hub.store.path", () -> dir.resolve("tasks-service").toString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Outboxed {

		@Bean
		Outbox outbox(Store store) {
			return new Outbox(store);
		}

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

	static final String WRITER = TestTokens.shared().bearer("worker-1", "tasks:read", "tasks:write");

	@Autowired
	WebTestClient client;

	@Autowired
	Outbox outbox;

	@Autowired
	Store store;

	@Autowired
	UserDirectory users;

	@BeforeEach
	void allowForASharedMachine() {
		this.client = this.client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
		TestUsers.active(this.store, this.users, "layla", "omar");
	}

	@Test
	void completingARecurringTaskCreatesTheNextOccurrenceWithItsReminders() {
		String id = create(Map.of("title", "Weekly report", "assigneeId", "layla", "dueAt", "2026-11-30T06:00:00Z",
				"recurrence", "FREQ=WEEKLY;COUNT=3", "reminders", java.util.List.of(Map.of("minutesBefore", 30)),
				"checklist", java.util.List.of(Map.of("text", "Draft", "done", true))))
			.get("id")
			.asString();
		long before = count();
		call(HttpMethod.PATCH, "/" + id, WRITER, Map.of("status", "done")).isOk();
		// completing it again, or editing the done task, creates nothing more
		call(HttpMethod.PATCH, "/" + id, WRITER, Map.of("status", "done", "title", "Weekly report (sent)")).isOk();
		assertThat(count()).isEqualTo(before + 1);
		JsonNode next = this.client.get()
			.uri("/api/tasks?q=weekly+report&status=todo")
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("items")
			.get(0);
		assertThat(next.get("dueAt").asString()).isEqualTo("2026-12-07T06:00:00Z");
		assertThat(next.get("recurrence").asString()).contains("COUNT=2");
		assertThat(next.get("reminders").get(0).get("minutesBefore").asInt()).isEqualTo(30);
		assertThat(next.get("checklist").get(0).get("done").asBoolean()).isFalse();
		assertThat(next.get("assigneeId").asString()).isEqualTo("layla");
	}

	@Test
	void aRuleThatCannotRepeatIsRefusedAndStoresNothing() {
		long before = count();
		call(HttpMethod.POST, "", WRITER, Map.of("title", "X", "recurrence", "FREQ=DAILY")).isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("recurrence");
		call(HttpMethod.POST, "", WRITER,
				Map.of("title", "X", "dueAt", "2026-12-01T00:00:00Z", "recurrence", "FREQ=SECONDLY"))
			.isBadRequest();
		call(HttpMethod.POST, "", WRITER,
				Map.of("title", "X", "dueAt", "9999-12-01T00:00:00Z", "recurrence", "FREQ=DAILY"))
			.isBadRequest();
		String id = create(Map.of("title", "Daily", "dueAt", "2026-12-01T00:00:00Z", "recurrence", "FREQ=DAILY"))
			.get("id")
			.asString();
		call(HttpMethod.PATCH, "/" + id, WRITER, Map.of("clearDueAt", true)).isBadRequest();
		assertThat(count()).isEqualTo(before + 1);
	}

	@Test
	void aBulkChangeAppliesToAllWithAnEventEachOrToNone() {
		String first = create(Map.of("title", "Bulk one")).get("id").asString();
		String second = create(Map.of("title", "Bulk two", "labels", java.util.List.of("old"))).get("id").asString();
		String strangers = JsonCalls
			.create(this.client, "/api/tasks", TestTokens.shared().bearer("sami", "tasks:read", "tasks:write"),
					Map.of("title", "Not yours"))
			.get("id")
			.asString();
		long announced = this.outbox.backlog();
		Map<String, Object> patch = Map.of("status", "blocked", "assigneeId", "layla", "labels",
				java.util.List.of("q4"), "dueAt", "2026-12-24T09:00:00Z");

		// one task the caller may not change, one that is not there, a non-user: nothing
		bulk(java.util.List.of(first, strangers), patch).isForbidden();
		bulk(java.util.List.of(first, "no-such-task"), patch).isNotFound();
		bulk(java.util.List.of(first, second), Map.of("assigneeId", "nobody-at-all")).isBadRequest();
		bulk(java.util.List.of(), patch).isBadRequest();
		bulk(java.util.Collections.nCopies(201, first), patch).isBadRequest();
		bulk(java.util.List.of(first), Map.of("labels", java.util.Collections.nCopies(21, "l"))).isBadRequest();
		assertThat(this.outbox.backlog()).isEqualTo(announced);

		bulk(java.util.List.of(first, second, first), patch).isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(2)
			.jsonPath("$.items[*].status")
			.value((statuses) -> assertThat(statuses.toString()).isEqualTo("[\"blocked\",\"blocked\"]"))
			.jsonPath("$.items[1].labels[0]")
			.isEqualTo("q4")
			.jsonPath("$.items[1].assigneeId")
			.isEqualTo("layla")
			.jsonPath("$.items[0].dueAt")
			.isEqualTo("2026-12-24T09:00:00Z");
		assertThat(this.outbox.backlog()).isEqualTo(announced + 2);
	}

	private StatusAssertions bulk(java.util.List<String> ids, Map<String, Object> patch) {
		return this.client.post()
			.uri("/api/tasks/bulk")
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.bodyValue(Map.of("ids", ids, "patch", patch))
			.exchange()
			.expectStatus();
	}

	@Test
	void theAssigneeMustBeAnActiveUser() {
		TestUsers.disabled(this.store, this.users, "gone");
		long announced = this.outbox.backlog();
		for (String nobody : new String[] { "gone", "never-heard-of" }) {
			call(HttpMethod.POST, "", WRITER, Map.of("title", "X", "assigneeId", nobody)).isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("assigneeId");
		}
		String id = create(Map.of("title", "Keep me", "assigneeId", "layla")).get("id").asString();
		call(HttpMethod.PATCH, "/" + id, WRITER, Map.of("assigneeId", "gone")).isBadRequest();
		call(HttpMethod.PATCH, "/" + id, WRITER, Map.of("assigneeId", "")).isOk();
		assertThat(this.outbox.backlog()).isEqualTo(announced + 2);
	}

	@Test
	void badInputIsAProblemListingEachFieldAndStoresNothing() {
		long before = count();
		long announced = this.outbox.backlog();
		this.client.post()
			.uri("/api/tasks")
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.bodyValue(Map.of("title", " ", "assigneeId", "x".repeat(65)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat(fields.toString()).contains("title", "assigneeId"));
		call(HttpMethod.POST, "", WRITER, Map.of("title", "X", "priority", "whenever")).isBadRequest();
		call(HttpMethod.POST, "", WRITER, Map.of("description", "no title")).isBadRequest();
		String id = create(Map.of("title", "Keep me")).get("id").asString();
		call(HttpMethod.PATCH, "/" + id, WRITER, Map.of("title", "")).isBadRequest();

		assertThat(count()).isEqualTo(before + 1);
		assertThat(this.outbox.backlog()).isEqualTo(announced + 1);
	}

	@Test
	void aMemberChangesOnlyTasksTheyCreatedOrWereGiven() {
		String id = create(Map.of("title", "Layla's task", "assigneeId", "layla")).get("id").asString();
		String stranger = TestTokens.shared().bearer("omar", "tasks:read", "tasks:write");
		String assignee = TestTokens.shared().bearer("layla", "tasks:read", "tasks:write");
		String manager = TestTokens.shared().bearer("boss", "tasks:read", "tasks:write", "tasks:manage");

		call(HttpMethod.PATCH, "/" + id, stranger, Map.of("title", "Mine now", "assigneeId", "omar")).isForbidden()
			.expectHeader()
			.contentType("application/problem+json");
		call(HttpMethod.PATCH, "/" + id, stranger, Map.of("status", "done")).isForbidden();
		call(HttpMethod.DELETE, "/" + id, stranger, null).isForbidden();
		this.client.get()
			.uri("/api/tasks/" + id)
			.header(HttpHeaders.AUTHORIZATION, stranger)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Layla's task")
			.jsonPath("$.assigneeId")
			.isEqualTo("layla")
			.jsonPath("$.status")
			.isEqualTo("todo");

		call(HttpMethod.PATCH, "/" + id, assignee, Map.of("status", "in_progress")).isOk();
		call(HttpMethod.PATCH, "/" + id, WRITER, Map.of("title", "Layla's task, renamed")).isOk();
		call(HttpMethod.PATCH, "/" + id, manager, Map.of("assigneeId", "omar")).isOk();
		call(HttpMethod.DELETE, "/" + id, manager, null).isNoContent();
	}

	@Test
	void theAssigneeFilterListsOnlyTheirTasksNewestFirst() {
		String assignee = "a-" + UUID.randomUUID();
		TestUsers.active(this.store, this.users, assignee);
		String first = create(Map.of("title", "First", "assigneeId", assignee)).get("id").asString();
		create(Map.of("title", "Someone else's"));
		String second = create(Map.of("title", "Second", "assigneeId", assignee)).get("id").asString();
		this.client.get()
			.uri("/api/tasks?assigneeId=" + assignee)
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].id")
			.value((ids) -> assertThat(ids.toString()).isEqualTo("[\"" + second + "\",\"" + first + "\"]"))
			.jsonPath("$.nextCursor")
			.doesNotExist();
	}

	@Test
	void viewsListTheCallersOwnWorkAndBadQueriesAreRefused() {
		String me = "v-" + UUID.randomUUID();
		TestUsers.active(this.store, this.users, me);
		String token = TestTokens.shared().bearer(me, "tasks:read", "tasks:write");
		String mine = JsonCalls.create(this.client, "/api/tasks", token, Map.of("title", "Mine", "assigneeId", me))
			.get("id")
			.asString();
		String watched = create(
				Map.of("title", "Watched", "watcherIds", java.util.List.of(me), "dueAt", "2020-01-01T00:00:00Z"))
			.get("id")
			.asString();
		assertThat(ids("/api/tasks?view=mine", token)).containsExactly(mine);
		assertThat(ids("/api/tasks?view=created", token)).containsExactly(mine);
		assertThat(ids("/api/tasks?view=watching", token)).containsExactly(watched);
		assertThat(ids("/api/tasks?view=overdue&limit=200&q=watched&tz=Asia/Riyadh", token)).contains(watched)
			.doesNotContain(mine);

		for (String bad : new String[] { "view=everything", "tz=Mars/Olympus", "status=sleeping", "limit=0",
				"q=" + "x".repeat(201) }) {
			this.client.get()
				.uri("/api/tasks?" + bad)
				.header(HttpHeaders.AUTHORIZATION, token)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType("application/problem+json");
		}
	}

	private java.util.List<String> ids(String path, String token) {
		JsonNode page = this.client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		java.util.List<String> ids = new java.util.ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	@TestFactory
	Stream<DynamicTest> permissions() {
		String id = create(Map.of("title", "Omar's task")).get("id").asString();
		Supplier<Object> task = () -> Map.of("title", "T-" + UUID.randomUUID());
		return PermissionMatrix.of(this.client)
			.caller("anonymous", () -> null)
			.caller("member", () -> TestTokens.shared().bearer("m", "tasks:read", "crm:read"))
			.caller("manager", () -> TestTokens.shared().bearer("g", "tasks:read", "tasks:write", "tasks:manage"))
			.caller("admin",
					() -> TestTokens.shared().bearer("a", "tasks:read", "tasks:write", "tasks:manage", "users:admin"))
			.row(HttpMethod.GET, "/api/tasks", null, 401, 200, 200, 200)
			.row(HttpMethod.GET, "/api/tasks/" + id, null, 401, 200, 200, 200)
			.row(HttpMethod.POST, "/api/tasks", task, 401, 403, 201, 201)
			.row(HttpMethod.PATCH, "/api/tasks/" + id, task, 401, 403, 200, 200)
			.tests();
	}

	private StatusAssertions call(HttpMethod method, String path, String authorization, Object body) {
		WebTestClient.RequestBodySpec request = this.client.method(method)
			.uri("/api/tasks" + path)
			.header(HttpHeaders.AUTHORIZATION, authorization);
		return ((body != null) ? request.bodyValue(body) : request).exchange().expectStatus();
	}

	private JsonNode create(Map<String, Object> body) {
		return JsonCalls.create(this.client, "/api/tasks", WRITER, body);
	}

	private long count() {
		return JsonCalls.count(this.client, "/api/tasks?limit=200", WRITER);
	}

}
