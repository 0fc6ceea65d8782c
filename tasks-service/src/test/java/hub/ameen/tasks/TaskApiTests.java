package hub.ameen.tasks;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import hub.ameen.platform.test.kafka.TopicReader;
import hub.ameen.platform.test.kafka.UsesKafka;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import hub.ameen.platform.test.web.JsonCalls;
import hub.ameen.platform.test.web.PermissionMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tasks over HTTP: stored in LMDB, announced on {@code hub.tasks.task.v1} (which the
 * scheduler watches for due dates), guarded by {@code tasks:read} / {@code tasks:write}.
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
	}

	static final String WRITER = TestTokens.shared().bearer("worker-1", "tasks:read", "tasks:write");

	@Autowired
	WebTestClient client;

	@Test
	void taskIsStoredPublishedChangedAndDeleted() {
		JsonNode created = create(Map.of("title", "Call Layla", "priority", "high", "dueAt", "2026-12-01T09:00:00Z",
				"labels", List.of("sales"), "related", Map.of("type", "contact", "id", "c-1")));
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

		try (TopicReader reader = new TopicReader("hub.tasks.task.v1")) {
			List<String> types = reader.awaitUntil((all) -> all.stream().filter((r) -> id.equals(r.key())).count() >= 3)
				.stream()
				.filter((r) -> id.equals(r.key()))
				.map((r) -> JsonMapper.shared().readTree(r.value()).get("type").asString())
				.toList();
			assertThat(types).containsExactly("task.created", "task.updated", "task.deleted");
		}
	}

	@Test
	void badInputIsAProblemAndStoresNothing() {
		long before = count();
		this.client.post()
			.uri("/api/tasks")
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.bodyValue(Map.of("title", "X", "priority", "whenever"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json");
		this.client.post()
			.uri("/api/tasks")
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.bodyValue(Map.of("description", "no title"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aMemberChangesOnlyTasksTheyCreatedOrWereGiven() {
		String id = create(Map.of("title", "Layla's task", "assigneeId", "layla")).get("id").asString();
		String stranger = TestTokens.shared().bearer("omar", "tasks:read", "tasks:write");
		String assignee = TestTokens.shared().bearer("layla", "tasks:read", "tasks:write");
		String manager = TestTokens.shared().bearer("boss", "tasks:read", "tasks:write", "tasks:manage");

		call(HttpMethod.PATCH, id, stranger, Map.of("title", "Mine now", "assigneeId", "omar")).isForbidden()
			.expectHeader()
			.contentType("application/problem+json");
		call(HttpMethod.PATCH, id, stranger, Map.of("status", "done")).isForbidden();
		call(HttpMethod.DELETE, id, stranger, null).isForbidden();
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

		call(HttpMethod.PATCH, id, assignee, Map.of("status", "in_progress")).isOk();
		call(HttpMethod.PATCH, id, WRITER, Map.of("title", "Layla's task, renamed")).isOk();
		call(HttpMethod.PATCH, id, manager, Map.of("assigneeId", "omar")).isOk();
		call(HttpMethod.DELETE, id, manager, null).isNoContent();
	}

	private org.springframework.test.web.reactive.server.StatusAssertions call(HttpMethod method, String id,
			String authorization, Object body) {
		WebTestClient.RequestBodySpec request = this.client.method(method)
			.uri("/api/tasks/" + id)
			.header(HttpHeaders.AUTHORIZATION, authorization);
		return ((body != null) ? request.bodyValue(body) : request).exchange().expectStatus();
	}

	@TestFactory
	Stream<DynamicTest> permissions() {
		String id = create(Map.of("title", "Omar's task")).get("id").asString();
		Supplier<Object> contact = () -> Map.of("title", "T-" + UUID.randomUUID());
		return PermissionMatrix.of(this.client)
			.caller("anonymous", () -> null)
			.caller("member", () -> TestTokens.shared().bearer("m", "tasks:read", "crm:read"))
			.caller("manager", () -> TestTokens.shared().bearer("g", "tasks:read", "tasks:write", "tasks:manage"))
			.caller("admin",
					() -> TestTokens.shared().bearer("a", "tasks:read", "tasks:write", "tasks:manage", "users:admin"))
			.row(HttpMethod.GET, "/api/tasks", null, 401, 200, 200, 200)
			.row(HttpMethod.GET, "/api/tasks/" + id, null, 401, 200, 200, 200)
			.row(HttpMethod.POST, "/api/tasks", contact, 401, 403, 201, 201)
			.row(HttpMethod.PATCH, "/api/tasks/" + id, contact, 401, 403, 200, 200)
			.tests();
	}

	private JsonNode create(Map<String, Object> body) {
		return JsonCalls.create(this.client, "/api/tasks", WRITER, body);
	}

	private long count() {
		return JsonCalls.count(this.client, "/api/tasks?limit=200", WRITER);
	}

}
