package hub.ameen.tasks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.service.ServiceOnAStore;
import hub.ameen.platform.test.web.JsonCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on the broker, started twice on the same store directory: the second
 * time the directory has been wiped, and the service restores tasks and comments from
 * their changelog topics before it serves, their indexes (creator, task) included. (Other
 * test classes may have left records on the same changelogs; they are restored too, and
 * this test looks only at its own: its writer's id is new each run.)
 */
class StoreRebuiltFromKafkaTests {

	@TempDir
	Path dir;

	ServiceOnAStore service;

	@AfterEach
	void stop() {
		if (this.service != null) {
			this.service.close();
		}
	}

	@Test
	void aWipedStoreIsRestoredFromTheChangelogsBeforeTheServiceServes() throws Exception {
		String run = Long.toString(System.nanoTime(), 36);
		String writer = TestTokens.shared().bearer("rebuild-" + run, "tasks:read", "tasks:write");
		Path store = this.dir.resolve("tasks-service");
		this.service = ServiceOnAStore.start(TasksServiceApplication.class, store);
		WebTestClient client = this.service.client();
		List<String> tasks = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			tasks.add(JsonCalls
				.create(client, "/api/tasks", writer,
						Map.of("title", "Rebuild " + run + " #" + i, "labels", List.of("rebuild")))
				.get("id")
				.asString());
		}
		List<String> comments = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			comments.add(JsonCalls
				.create(client, "/api/tasks/" + tasks.get(0) + "/comments", writer, Map.of("body", "note " + i))
				.get("id")
				.asString());
		}
		JsonCalls.change(client, "/api/tasks/" + tasks.get(1), writer, Map.of("status", "done"));
		String deleted = tasks.remove(3);
		JsonCalls.remove(client, "/api/tasks/" + deleted, writer);
		Outbox outbox = this.service.bean(Outbox.class);
		await().atMost(Duration.ofSeconds(30)).until(() -> outbox.backlog() == 0);
		Duration restart = this.service.wipeAndRestart();
		client = this.service.client();
		System.out.printf("tasks-service started on a wiped store, restored from Kafka, in %d ms%n",
				restart.toMillis());

		for (String id : tasks) {
			assertThat(get(client, writer, "/api/tasks/" + id).get("title").asString()).startsWith("Rebuild " + run);
		}
		assertThat(get(client, writer, "/api/tasks/" + tasks.get(1)).get("status").asString()).isEqualTo("done");
		client.get()
			.uri("/api/tasks/" + deleted)
			.header(HttpHeaders.AUTHORIZATION, writer)
			.exchange()
			.expectStatus()
			.isNotFound();
		// the indexes: the writer's tasks (by creator), the task's comments (by task)
		assertThat(JsonCalls.ids(get(client, writer, "/api/tasks?view=created&limit=50")))
			.containsExactlyInAnyOrderElementsOf(tasks);
		assertThat(JsonCalls.ids(get(client, writer, "/api/tasks/" + tasks.get(0) + "/comments?limit=50")))
			.containsExactlyInAnyOrderElementsOf(comments);
		assertThat(this.service.bean(Outbox.class).backlog()).as("a restore announces nothing").isZero();
	}

	private static JsonNode get(WebTestClient client, String token, String path) {
		return JsonCalls.read(client, path, token);
	}

}
