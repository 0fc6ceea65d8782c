package hub.ameen.scheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.test.kafka.UsesKafka;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context of the module's integration tests: the whole service on a random
 * port, on the real clock, its store in a temporary directory shared by every test class
 * (so the context is cached), the real Kafka broker and tokens from the shared test key.
 * Housekeeping runs as in production (its first sweep at start-up); a task's due-soon
 * comes two seconds before its due time. The store starts empty, not restored from the
 * changelog other tests write to the broker ({@code StoreRebuiltFromKafkaTests}
 * restores).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.scheduler.tasks.due-soon=2s", "hub.events.listener.retry-interval=200ms",
				"hub.events.changelog.restore=false" })
@UsesKafka
@UsesTestTokens
public abstract class SchedulerTestSupport {

	protected static final Duration PATIENCE = Duration.ofSeconds(30);

	protected static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final Path STORE_DIR = temporaryStore();

	@LocalServerPort
	int port;

	protected WebTestClient web;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("hub.store.path", STORE_DIR::toString);
	}

	@BeforeEach
	void client() {
		this.web = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(PATIENCE)
			.build();
	}

	/** A member: reads and writes events, may change only their own. */
	protected static String member(String userId) {
		return TestTokens.shared().bearer(userId, Permissions.SCHEDULER_READ, Permissions.SCHEDULER_WRITE);
	}

	/** A manager, as the default roles define one. */
	protected static String manager(String userId) {
		return TestTokens.shared()
			.bearer(userId, Permissions.SCHEDULER_READ, Permissions.SCHEDULER_WRITE, Permissions.SCHEDULER_MANAGE);
	}

	/** An admin: every permission. */
	protected static String admin(String userId) {
		return TestTokens.shared().bearer(userId, Permissions.all().toArray(String[]::new));
	}

	/** May only read events. */
	protected static String reader(String userId) {
		return TestTokens.shared().bearer(userId, Permissions.SCHEDULER_READ);
	}

	protected WebTestClient.RequestHeadersSpec<?> get(String token, String uri) {
		return this.web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token);
	}

	/** Creates an event and returns its JSON. */
	protected Map<String, Object> create(String token, Map<String, Object> event) {
		return this.web.post()
			.uri("/api/scheduler/events")
			.header(HttpHeaders.AUTHORIZATION, token)
			.bodyValue(event)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private static Path temporaryStore() {
		try {
			Path dir = Files.createTempDirectory("scheduler-service-test-");
			dir.toFile().deleteOnExit();
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
