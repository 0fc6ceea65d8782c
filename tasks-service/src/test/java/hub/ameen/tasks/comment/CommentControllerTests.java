package hub.ameen.tasks.comment;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
import hub.ameen.tasks.user.KnownUser;
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
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments without a broker: mentions resolved against the user directory, who is told,
 * edits that tell nobody again, and who may change a comment.
 */
@WebFluxTest(controllers = CommentController.class, properties = TestTokens.WITHOUT_REVOCATIONS)
@ImportAutoConfiguration({ PlatformWebAutoConfiguration.class, PlatformSecurityAutoConfiguration.class,
		StoreAutoConfiguration.class })
@Import({ CommentConfiguration.class, CommentWriter.class, hub.ameen.tasks.task.TaskTestConfiguration.class,
		UserDirectory.class, CommentControllerTests.Outboxed.class })
@UsesTestTokens
class CommentControllerTests {

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

	static final String OMAR = TestTokens.shared().bearer("omar", "tasks:read", "tasks:write");

	static final String LAYLA = TestTokens.shared().bearer("layla", "tasks:read", "tasks:write");

	@Autowired
	WebTestClient client;

	@Autowired
	Outbox outbox;

	@Autowired
	Store store;

	@Autowired
	UserDirectory users;

	@Autowired
	hub.ameen.tasks.task.TaskTestConfiguration.Tasks tasks;

	@BeforeEach
	void users() {
		this.client = this.client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
		this.store.writeAndWait((txn) -> {
			for (String id : List.of("omar", "layla", "sami", "nadia")) {
				this.users.put(txn, new KnownUser(id, id + "@Example.com", "active", null, null));
			}
			this.users.put(txn, new KnownUser("gone", "gone@example.com", "disabled", null, null));
			return null;
		});
	}

	@Test
	void mentionsTheAssigneeAndWatchersAreToldButNeverTheAuthor() {
		String task = this.tasks.create("Quote for ACME", "omar", "layla", List.of("sami", "omar"));
		JsonNode comment = comment(task, OMAR, "Thanks @LAYLA@example.com, and @nadia@example.com please check");
		assertThat(strings(comment.get("mentionIds"))).containsExactly("layla", "nadia");
		assertThat(strings(comment.get("recipientIds"))).containsExactlyInAnyOrder("layla", "nadia", "sami");
		assertThat(comment.get("taskTitle").asString()).isEqualTo("Quote for ACME");

		// an edit adds a mention but tells nobody new
		String id = comment.get("id").asString();
		this.client.patch()
			.uri("/api/tasks/" + task + "/comments/" + id)
			.header(HttpHeaders.AUTHORIZATION, OMAR)
			.bodyValue(Map.of("body", "Also @omar@example.com"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.mentionIds[0]")
			.isEqualTo("omar")
			.jsonPath("$.recipientIds.length()")
			.isEqualTo(3);
		assertThat(JsonCalls.count(this.client, "/api/tasks/" + task + "/comments", LAYLA)).isEqualTo(1);
	}

	@Test
	void aMentionOfANonUserAHugeCommentOrAMissingTaskIsRefusedAndStoresNothing() {
		String task = this.tasks.create("Quote", "omar", null, List.of());
		long announced = this.outbox.backlog();
		for (String body : new String[] { "ask @nobody@example.com", "ask @gone@example.com", "x".repeat(1_000_000),
				" " }) {
			this.client.post()
				.uri("/api/tasks/" + task + "/comments")
				.header(HttpHeaders.AUTHORIZATION, OMAR)
				.bodyValue(Map.of("body", body))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType("application/problem+json")
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("body");
		}
		this.client.post()
			.uri("/api/tasks/no-such-task/comments")
			.header(HttpHeaders.AUTHORIZATION, OMAR)
			.bodyValue(Map.of("body", "hello"))
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(this.outbox.backlog()).isEqualTo(announced);
	}

	@Test
	void onlyTheAuthorOrAManagerChangesAComment() {
		String task = this.tasks.create("Quote", "omar", null, List.of());
		String id = comment(task, OMAR, "first").get("id").asString();
		String manager = TestTokens.shared().bearer("boss", "tasks:read", "tasks:write", "tasks:manage");
		this.client.patch()
			.uri("/api/tasks/" + task + "/comments/" + id)
			.header(HttpHeaders.AUTHORIZATION, LAYLA)
			.bodyValue(Map.of("body", "mine now"))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.delete()
			.uri("/api/tasks/" + task + "/comments/" + id)
			.header(HttpHeaders.AUTHORIZATION, LAYLA)
			.exchange()
			.expectStatus()
			.isForbidden();
		String other = this.tasks.create("Other", "omar", null, List.of());
		this.client.delete()
			.uri("/api/tasks/" + other + "/comments/" + id)
			.header(HttpHeaders.AUTHORIZATION, manager)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.delete()
			.uri("/api/tasks/" + task + "/comments/" + id)
			.header(HttpHeaders.AUTHORIZATION, manager)
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	@TestFactory
	Stream<DynamicTest> permissions() {
		String task = this.tasks.create("Omar's task", "omar", null, List.of());
		Supplier<Object> body = () -> Map.of("body", "note " + UUID.randomUUID());
		return PermissionMatrix.of(this.client)
			.caller("anonymous", () -> null)
			.caller("reader", () -> TestTokens.shared().bearer("m", "tasks:read"))
			.caller("member", () -> TestTokens.shared().bearer("sami", "tasks:read", "tasks:write"))
			.row(HttpMethod.GET, "/api/tasks/" + task + "/comments", null, 401, 200, 200)
			.row(HttpMethod.POST, "/api/tasks/" + task + "/comments", body, 401, 403, 201)
			.tests();
	}

	private JsonNode comment(String task, String token, String body) {
		return JsonCalls.create(this.client, "/api/tasks/" + task + "/comments", token, Map.of("body", body));
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new java.util.ArrayList<>();
		array.forEach((node) -> values.add(node.asString()));
		return values;
	}

}
