package hub.ameen.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import hub.ameen.auth.session.CredentialChanged;
import hub.ameen.auth.session.SessionRevoked;
import hub.ameen.auth.token.TokenResponse;
import hub.ameen.platform.events.EventType;
import hub.ameen.platform.test.kafka.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What ends a login is announced over the real broker, and the access tokens issued
 * before stop working here (as in every service) within seconds: a password change, an
 * admin reset, a logout, a disabled user. The token obtained right after, even in the
 * same second, works.
 */
class RevocationTests extends AuthServiceTestSupport {

	static final Duration WITHIN = Duration.ofSeconds(10);

	static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aPasswordChangeIsAnnouncedAndRefusesTheOldAccessTokenWhileTheNewOneWorks() {
		TestUser user = createUser("admin");
		TokenResponse before = login(user);
		String newPassword = "a-much-better-password-" + System.nanoTime();

		post("/api/auth/password", "Bearer " + before.accessToken(),
				Map.of("currentPassword", user.password(), "newPassword", newPassword))
			.expectStatus()
			.isNoContent();
		String after = "Bearer " + loginWith(user.email(), newPassword).accessToken();

		awaitStatus("Bearer " + before.accessToken(), 401);
		getKeys(after).expectStatus().isOk();
		JsonNode changed = awaitEvent(CredentialChanged.CHANGED, user.id());
		assertThat(changed.path("payload").path("reason").asString()).isEqualTo("changed");
		assertThat(changed.path("payload").path("changedAt").isString()).isTrue();
		assertThat(changed.toString()).doesNotContain(newPassword).doesNotContain("argon2");
	}

	@Test
	void anAdminResetIsAnnouncedAndRefusesTheUsersTokens() {
		TestUser admin = createUser("admin");
		TestUser user = createUser("admin");
		String token = bearer(user);

		post("/api/auth/users/" + user.id() + "/password", bearer(admin),
				Map.of("newPassword", "reset-by-the-admin-" + System.nanoTime()))
			.expectStatus()
			.isNoContent();

		awaitStatus(token, 401);
		JsonNode reset = awaitEvent(CredentialChanged.CHANGED, user.id());
		assertThat(reset.path("payload").path("reason").asString()).isEqualTo("reset");
		assertThat(reset.path("actorId").asString()).isEqualTo(admin.id());
	}

	@Test
	void aLogoutRefusesThatLoginsAccessTokenAndTheUsersOtherLoginGoesOn() throws Exception {
		TestUser user = createUser("admin");
		TokenResponse phone = login(user);
		TokenResponse laptop = login(user);

		post("/api/auth/logout", null, Map.of("refreshToken", phone.refreshToken())).expectStatus().isNoContent();

		awaitStatus("Bearer " + phone.accessToken(), 401);
		getKeys("Bearer " + laptop.accessToken()).expectStatus().isOk();
		String sessionId = SignedJWT.parse(phone.accessToken()).getJWTClaimsSet().getStringClaim("sid");
		JsonNode revoked = awaitEvent(SessionRevoked.REVOKED, user.id());
		assertThat(revoked.path("payload").path("sessionId").asString()).isEqualTo(sessionId);
		assertThat(revoked.path("payload").path("reason").asString()).isEqualTo("logout");
	}

	@Test
	void aDisabledUsersTokenIsRefusedWithinSeconds() {
		TestUser user = createUser("admin");
		String token = bearer(user);
		getKeys(token).expectStatus().isOk();

		events.user("user.disabled", user.id(), user.email(), "disabled", List.of("admin"));

		awaitStatus(token, 401);
	}

	private TokenResponse loginWith(String email, String password) {
		return attemptLogin(email, password).expectStatus()
			.isOk()
			.expectBody(TokenResponse.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec post(String uri, String authorization, Map<String, String> body) {
		return this.client.post()
			.uri(uri)
			.headers((headers) -> setAuthorization(headers, authorization))
			.bodyValue(body)
			.exchange();
	}

	private void awaitStatus(String authorization, int status) {
		await().atMost(WITHIN)
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> getKeys(authorization).expectStatus().isEqualTo(status));
	}

	private static JsonNode awaitEvent(EventType<?> eventType, String key) {
		String type = eventType.name();
		try (TopicReader reader = new TopicReader(eventType.topic())) {
			return reader.awaitUntil((records) -> find(records, key, type) != null)
				.stream()
				.filter((record) -> key.equals(record.key()))
				.map(RevocationTests::parse)
				.filter((event) -> type.equals(event.path("type").asString()))
				.findFirst()
				.orElseThrow();
		}
	}

	private static JsonNode find(List<ConsumerRecord<String, byte[]>> records, String key, String type) {
		return records.stream()
			.filter((record) -> key.equals(record.key()))
			.map(RevocationTests::parse)
			.filter((event) -> type.equals(event.path("type").asString()))
			.findFirst()
			.orElse(null);
	}

	private static JsonNode parse(ConsumerRecord<String, byte[]> record) {
		return json.readTree(new String(record.value(), StandardCharsets.UTF_8));
	}

}
