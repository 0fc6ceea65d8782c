package hub.ameen.tasks.attachment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.files.FilesAutoConfiguration;
import hub.ameen.platform.security.PlatformSecurityAutoConfiguration;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.config.StoreAutoConfiguration;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import hub.ameen.platform.web.PlatformWebAutoConfiguration;
import hub.ameen.tasks.task.Task;
import hub.ameen.tasks.task.TaskTestConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files on tasks over a real store and real files: round trip with safe headers, refusals
 * that leave nothing, permissions that follow the task, and files deleted with their
 * task.
 */
@WebFluxTest(controllers = TaskAttachmentController.class, properties = TestTokens.WITHOUT_REVOCATIONS)
@ImportAutoConfiguration({ PlatformWebAutoConfiguration.class, PlatformSecurityAutoConfiguration.class,
		StoreAutoConfiguration.class, FilesAutoConfiguration.class })
@Import({ TaskTestConfiguration.class, TaskAttachmentConfiguration.class, TaskAttachmentApiTests.Outboxed.class })
@UsesTestTokens
class TaskAttachmentApiTests {

	static final String CREATOR = TestTokens.shared().bearer("creator", "tasks:read", "tasks:write");

	static final String ASSIGNEE = TestTokens.shared().bearer("assignee", "tasks:read", "tasks:write");

	static final String OTHER = TestTokens.shared().bearer("other", "tasks:read", "tasks:write");

	static final String READER = TestTokens.shared().bearer("reader", "tasks:read");

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

	@Autowired
	WebTestClient client;

	@Autowired
	TaskTestConfiguration.Tasks testTasks;

	@Autowired
	Aggregate<Task> tasks;

	@BeforeEach
	void allowForASharedMachine() {
		this.client = this.client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@Test
	void theAssigneeAttachesAFileThatAReaderDownloadsByteForByte() {
		String task = this.testTasks.create("Send the offer", "creator", "assignee", List.of());
		byte[] text = "Offer: 12,000 SAR\n".getBytes(StandardCharsets.UTF_8);
		JsonNode file = upload(task, ASSIGNEE, "offer.txt", MediaType.TEXT_PLAIN, text).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(file.get("contentType").asString()).isEqualTo("text/plain");
		byte[] downloaded = this.client.get()
			.uri("/api/tasks/" + task + "/attachments/" + file.get("id").asString())
			.header(HttpHeaders.AUTHORIZATION, READER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"offer.txt\"; filename*=UTF-8''offer.txt")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(downloaded).isEqualTo(text);
		byte[] byId = this.client.get()
			.uri("/api/tasks/attachments/" + file.get("id").asString())
			.header(HttpHeaders.AUTHORIZATION, READER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(byId).isEqualTo(text);
		this.client.get()
			.uri("/api/tasks/" + task + "/attachments")
			.header(HttpHeaders.AUTHORIZATION, READER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].name")
			.isEqualTo(List.of("offer.txt"));
	}

	@Test
	void onlyWhoCanChangeTheTaskAttachesOrDeletes() {
		String task = this.testTasks.create("Call back", "creator", "assignee", List.of());
		upload(task, OTHER, "a.txt", MediaType.TEXT_PLAIN, "x".getBytes(StandardCharsets.UTF_8)).expectStatus()
			.isForbidden();
		upload(task, READER, "a.txt", MediaType.TEXT_PLAIN, "x".getBytes(StandardCharsets.UTF_8)).expectStatus()
			.isForbidden();
		upload("nope", CREATOR, "a.txt", MediaType.TEXT_PLAIN, "x".getBytes(StandardCharsets.UTF_8)).expectStatus()
			.isNotFound();
		String id = upload(task, CREATOR, "a.txt", MediaType.TEXT_PLAIN, "x".getBytes(StandardCharsets.UTF_8))
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
		this.client.delete()
			.uri("/api/tasks/attachments/" + id)
			.header(HttpHeaders.AUTHORIZATION, OTHER)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.delete()
			.uri("/api/tasks/" + task + "/attachments/" + id)
			.header(HttpHeaders.AUTHORIZATION, OTHER)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.delete()
			.uri("/api/tasks/" + task + "/attachments/" + id)
			.header(HttpHeaders.AUTHORIZATION, ASSIGNEE)
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	@Test
	void anHtmlPageNamedTxtIs415AndLeavesNothing() throws IOException {
		String task = this.testTasks.create("Review", "creator", null, List.of());
		List<Path> before = kept();
		upload(task, CREATOR, "notes.txt", MediaType.TEXT_PLAIN,
				"<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))
			.expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(kept()).isEqualTo(before);
	}

	@Test
	void deletingTheTaskDeletesItsFiles() throws IOException {
		String task = this.testTasks.create("Archive", "creator", null, List.of());
		List<Path> before = kept();
		upload(task, CREATOR, "a.txt", MediaType.TEXT_PLAIN, "x".getBytes(StandardCharsets.UTF_8)).expectStatus()
			.isCreated();
		assertThat(kept()).hasSize(before.size() + 1);
		this.tasks.remove(task, "creator").block(Duration.ofSeconds(30));
		assertThat(kept()).isEqualTo(before);
	}

	private WebTestClient.ResponseSpec upload(String task, String caller, String name, MediaType type, byte[] bytes) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", bytes).filename(name).contentType(type);
		return this.client.post()
			.uri("/api/tasks/" + task + "/attachments")
			.header(HttpHeaders.AUTHORIZATION, caller)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

	/** Every kept file, sorted; the tests share one store, so each compares. */
	private static List<Path> kept() throws IOException {
		try (Stream<Path> files = Files.walk(dir.resolve("tasks-service/uploads"))) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}

}
