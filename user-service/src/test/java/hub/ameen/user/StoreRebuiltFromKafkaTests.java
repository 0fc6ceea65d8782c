package hub.ameen.user;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.security.Permissions;
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
 * time the directory has been wiped, and the service restores users (their unique email
 * index included), roles and the organisation's settings from their changelog topics
 * before it serves, and its first-run bootstrap does not create a second admin. (Other
 * test classes may have left records on the same changelogs; they are restored too, and
 * this test looks only at its own.)
 */
class StoreRebuiltFromKafkaTests {

	static final String ADMIN = TestTokens.shared().bearer("rebuild-admin", Permissions.all().toArray(String[]::new));

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
		String adminEmail = "admin-" + run + "@hub.test";
		Path store = this.dir.resolve("user-service");
		this.service = ServiceOnAStore.start(UserServiceApplication.class, store, "--hub.admin.email=" + adminEmail,
				"--hub.admin.password=first-run-password-" + adminEmail);
		WebTestClient client = this.service.client();
		List<String> users = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			users
				.add(JsonCalls
					.create(client, "/api/users", ADMIN,
							Map.of("email", "u" + i + "-" + run + "@hub.test", "displayName", "Rebuilt " + i,
									"password", "a-long-password-" + run, "roles", List.of("member")))
					.get("id")
					.asString());
		}
		String role = "rebuild-" + run;
		JsonCalls.create(client, "/api/users/roles", ADMIN,
				Map.of("name", role, "description", "restored", "permissions", List.of(Permissions.CRM_READ)));
		client.put()
			.uri("/api/users/" + users.get(1) + "/roles")
			.header(HttpHeaders.AUTHORIZATION, ADMIN)
			.bodyValue(Map.of("roles", List.of(role)))
			.exchange()
			.expectStatus()
			.isOk();
		JsonCalls.change(client, "/api/users/settings", ADMIN, Map.of("name", "Org " + run));
		String deleted = users.remove(2);
		JsonCalls.remove(client, "/api/users/" + deleted, ADMIN);
		List<String> directory = ids(get(client, "/api/users?limit=100"));
		Outbox outbox = this.service.bean(Outbox.class);
		await().atMost(Duration.ofSeconds(30)).until(() -> outbox.backlog() == 0);
		Duration restart = this.service.wipeAndRestart();
		client = this.service.client();
		System.out.printf("user-service started on a wiped store, restored from Kafka, in %d ms%n", restart.toMillis());

		for (String id : users) {
			assertThat(get(client, "/api/users/" + id).get("email").asString()).endsWith("-" + run + "@hub.test");
		}
		assertThat(get(client, "/api/users/" + users.get(1)).get("roles").get(0).asString()).isEqualTo(role);
		client.get()
			.uri("/api/users/" + deleted)
			.header(HttpHeaders.AUTHORIZATION, ADMIN)
			.exchange()
			.expectStatus()
			.isNotFound();
		// the unique email index came back (whatever the case)
		client.post()
			.uri("/api/users")
			.header(HttpHeaders.AUTHORIZATION, ADMIN)
			.bodyValue(Map.of("email", "U0-" + run + "@hub.test", "displayName", "Twin", "password",
					"a-long-password-" + run, "roles", List.of("member")))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		JsonNode roles = get(client, "/api/users/roles");
		List<String> names = new ArrayList<>();
		(roles.isArray() ? roles : roles.get("items")).forEach((item) -> names.add(item.get("name").asString()));
		assertThat(names).contains(role, "admin", "manager", "member");
		assertThat(get(client, "/api/users/settings").get("name").asString()).isEqualTo("Org " + run);
		// the whole directory came back (with the users other tests' stores left on the
		// changelog), and the first-run bootstrap added no admin to it
		assertThat(ids(get(client, "/api/users?limit=100"))).containsExactlyInAnyOrderElementsOf(directory);
		assertThat(this.service.bean(Outbox.class).backlog()).as("a restore announces nothing").isZero();
	}

	private static List<String> ids(JsonNode page) {
		assertThat(page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode()).as("one page").isTrue();
		return JsonCalls.ids(page);
	}

	private static JsonNode get(WebTestClient client, String path) {
		return JsonCalls.read(client, path, ADMIN);
	}

}
