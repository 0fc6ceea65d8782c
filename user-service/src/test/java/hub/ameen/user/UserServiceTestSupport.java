package hub.ameen.user;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.test.kafka.UsesKafka;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import hub.ameen.user.directory.User;
import hub.ameen.user.directory.UserService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One running user-service (real LMDB in a temp directory, the shared real broker, test
 * tokens) for every test class that extends this, so they share one Spring context. It
 * starts empty: not restored from the changelogs other tests' stores write to the broker
 * ({@code StoreRebuiltFromKafkaTests} restores).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hub.admin.email=boss@hub.test", "hub.admin.password=first-run-password-1",
				"hub.events.changelog.restore=false" })
@AutoConfigureWebTestClient
@UsesKafka
@UsesTestTokens
public abstract class UserServiceTestSupport {

	static final Path dataDir = tempDir();

	@Autowired
	protected WebTestClient client;

	@Autowired
	protected UserService users;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("hub.store.path", () -> dataDir.resolve("user-service").toString());
	}

	protected static String bearer(String subject, String... perms) {
		return TestTokens.shared().bearer(subject, perms);
	}

	protected static String adminBearer() {
		return bearer("the-admin", Permissions.all().toArray(String[]::new));
	}

	protected static String managerBearer() {
		return bearer("a-manager", Permissions.USERS_READ, Permissions.CRM_READ, Permissions.CRM_WRITE);
	}

	protected static String memberBearer() {
		return bearer("a-member", Permissions.CRM_READ, Permissions.TASKS_READ, Permissions.NOTIFICATIONS_READ);
	}

	/** Creates a user through the API as an admin; returns it. */
	protected User createUser(String role) {
		String email = "u-" + UUID.randomUUID().toString().substring(0, 8) + "@hub.test";
		return this.client.post()
			.uri("/api/users")
			.header(HttpHeaders.AUTHORIZATION, adminBearer())
			.bodyValue(Map.of("email", email, "displayName", "User " + email, "password", "a-long-password-" + email,
					"roles", List.of(role)))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(User.class)
			.returnResult()
			.getResponseBody();
	}

	private static Path tempDir() {
		try {
			Path dir = Files.createTempDirectory("user-service-tests");
			dir.toFile().deleteOnExit();
			return dir;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
