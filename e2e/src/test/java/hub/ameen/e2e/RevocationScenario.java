package hub.ameen.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16 through the gateway of a running suite: a still-valid access token stops
 * working within seconds when an admin disables its user, and when its user changes their
 * password — while the token obtained with the new password works.
 */
final class RevocationScenario {

	/** The promise: refused within a few seconds (the events cross Kafka twice). */
	static final Duration WITHIN = Duration.ofSeconds(5);

	private final Api gateway;

	private final IdentityScenario identity;

	private final String admin;

	RevocationScenario(Api gateway, String adminEmail, String adminPassword) {
		this.gateway = gateway;
		this.identity = new IdentityScenario(gateway);
		this.admin = accessToken(this.identity.login(adminEmail, adminPassword));
	}

	/**
	 * @return how long the refusal took after the disable answered
	 */
	Duration aDisabledMembersTokenIsRefusedWithinSeconds() {
		String id = createMember("leaver@hub.test", "leaver-initial-password");
		String token = accessToken(this.identity.login("leaver@hub.test", "leaver-initial-password"));
		assertStatus(token, 200);

		Api.Response disabled = this.gateway.post("/api/users/" + id + "/disable", this.admin, Map.of());
		assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);

		return awaitRefused(token);
	}

	/**
	 * @return how long the refusal took after the change answered
	 */
	Duration aPasswordChangeRefusesTheOldTokenWhileTheNewOneWorks() {
		createMember("changer@hub.test", "changer-initial-password");
		String old = accessToken(this.identity.login("changer@hub.test", "changer-initial-password"));
		assertStatus(old, 200);

		Api.Response changed = this.gateway.post("/api/auth/password", old,
				Map.of("currentPassword", "changer-initial-password", "newPassword", "changer-better-password"));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
		String fresh = accessToken(this.gateway.post("/api/auth/login", null,
				Map.of("email", "changer@hub.test", "password", "changer-better-password")));

		Duration refusedAfter = awaitRefused(old);
		assertStatus(fresh, 200);
		Api.Response tasks = this.gateway.get("/api/tasks", fresh);
		assertThat(tasks.status()).as("another service takes the new token: " + tasks).isEqualTo(200);
		return refusedAfter;
	}

	private String createMember(String email, String password) {
		Api.Response created = this.gateway.post("/api/users", this.admin, Map.of("email", email, "displayName",
				"Revocation " + email, "password", password, "roles", List.of("member")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private Duration awaitRefused(String token) {
		long start = System.nanoTime();
		await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertStatus(token, 401));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		Api.Response tasks = this.gateway.get("/api/tasks", token);
		assertThat(tasks.status()).as("refused on every route: " + tasks).isEqualTo(401);
		return took;
	}

	private void assertStatus(String token, int status) {
		Api.Response me = this.gateway.get("/api/users/me", token);
		assertThat(me.status()).as(me.toString()).isEqualTo(status);
	}

	private static String accessToken(Api.Response login) {
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		return login.json().get("accessToken").asString();
	}

}
