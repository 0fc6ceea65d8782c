package hub.ameen.tasks;

import java.util.List;
import java.util.Map;

import hub.ameen.platform.events.Topics;
import hub.ameen.platform.test.kafka.TopicReader;
import hub.ameen.platform.test.kafka.UsesKafka;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import hub.ameen.platform.test.web.JsonCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

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

		try (TopicReader reader = new TopicReader(Topics.TASK)) {
			List<String> types = reader.awaitUntil((all) -> all.stream().filter((r) -> id.equals(r.key())).count() >= 3)
				.stream()
				.filter((r) -> id.equals(r.key()))
				.map((r) -> JsonMapper.shared().readTree(r.value()).get("type").asString())
				.toList();
			assertThat(types).containsExactly("task.created", "task.updated", "task.deleted");
		}
	}

	private JsonNode create(Map<String, Object> body) {
		return JsonCalls.create(this.client, "/api/tasks", WRITER, body);
	}

}
