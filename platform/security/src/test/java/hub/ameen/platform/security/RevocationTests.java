package hub.ameen.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.platform.test.kafka.UsesKafka;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signed, unexpired tokens that no longer count: the user disabled or deleted, the
 * password changed, the login ended. The events travel over the real broker, as
 * user-service and auth-service publish them, and the service refuses within seconds.
 */
@SpringBootTest(classes = SecuredApp.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@UsesTestTokens
@UsesKafka
class RevocationTests {

	static final TestTokens tokens = TestTokens.shared();

	static final Duration WITHIN = Duration.ofSeconds(10);

	static final JsonMapper json = JsonMapper.builder().build();

	static KafkaProducer<String, String> producer;

	@LocalServerPort
	int port;

	WebTestClient client;

	@BeforeAll
	static void topicsAndProducer() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
			for (String topic : List.of(RevocationFeed.USERS_TOPIC, RevocationFeed.SESSIONS_TOPIC,
					RevocationFeed.CREDENTIALS_TOPIC)) {
				try {
					admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
				}
				catch (java.util.concurrent.ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw ex;
					}
				}
			}
		}
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
		producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	@AfterAll
	static void closeProducer() {
		producer.close();
	}

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	@Test
	void aDisabledUsersTokenIsRefusedWithinSecondsAndOnlyNewTokensWorkOnceEnabled() {
		String user = newUserId();
		String before = tokens.bearer(user, Permissions.CRM_READ);
		assertStatus(before, 200);

		publishUser("user.disabled", user, "disabled", Instant.now());

		awaitStatus(before, 401);
		publishUser("user.enabled", user, "active", Instant.now());
		String after = tokens.builder(user)
			.perms(Permissions.CRM_READ)
			.claim(RevokedTokens.ISSUED_AT_MILLIS_CLAIM, Instant.now().plusSeconds(1).toEpochMilli())
			.sign();
		awaitStatus("Bearer " + after, 200);
		assertStatus(before, 401);
	}

	@Test
	void aDeletedUsersTokenIsRefused() {
		String user = newUserId();
		String token = tokens.bearer(user, Permissions.CRM_READ);

		publishUser("user.deleted", user, "active", Instant.now());

		awaitStatus(token, 401);
	}

	@Test
	void aPasswordChangeRefusesTokensIssuedBeforeItInTheSameSecondButNotTheOnesAfter() {
		String user = newUserId();
		Instant second = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant changedAt = second.plusMillis(500);
		String old = issued(user, second, changedAt.minusMillis(300));
		String fresh = issued(user, second, changedAt.plusMillis(1));
		String legacy = "Bearer " + tokens.builder(user).perms(Permissions.CRM_READ).issuedAt(second).sign();

		publishCredentialChanged(user, changedAt);

		awaitStatus(old, 401);
		assertStatus(legacy, 401);
		assertStatus(fresh, 200);
	}

	@Test
	void aLoggedOutSessionsTokensAreRefusedAndTheUsersOtherSessionsGoOn() {
		String user = newUserId();
		String loggedOut = "Bearer " + tokens.builder(user)
			.perms(Permissions.CRM_READ)
			.claim(RevokedTokens.SESSION_CLAIM, "session-" + user + "-1")
			.sign();
		String other = "Bearer " + tokens.builder(user)
			.perms(Permissions.CRM_READ)
			.claim(RevokedTokens.SESSION_CLAIM, "session-" + user + "-2")
			.sign();

		publish(RevocationFeed.SESSIONS_TOPIC, "session.revoked", user, Map.of("userId", user, "sessionId",
				"session-" + user + "-1", "reason", "logout", "revokedAt", Instant.now().toString()));

		awaitStatus(loggedOut, 401);
		assertStatus(other, 200);
	}

	@Test
	void aRestartedServiceReadsEveryRevocationAgainBeforeItServes() {
		String user = newUserId();
		publishUser("user.disabled", user, "disabled", Instant.now());
		producer.flush();
		RevokedTokens view = new RevokedTokens();
		RevocationFeed feed = new RevocationFeed(view, SharedKafka.bootstrapServers(), Duration.ofSeconds(30));

		feed.start();
		try {
			assertThat(feed.isCaughtUp()).isTrue();
			assertThat(view.refuses(jwt(user))).isTrue();
			assertThat(view.refuses(jwt(newUserId()))).isFalse();
		}
		finally {
			feed.stop();
		}
	}

	@Test
	void anUnreadableEventIsSkippedAndTheNextOneStillCounts() {
		String user = newUserId();
		String token = tokens.bearer(user, Permissions.CRM_READ);
		producer.send(new ProducerRecord<>(RevocationFeed.USERS_TOPIC, user, "{not json"));

		publishUser("user.disabled", user, "disabled", Instant.now());

		awaitStatus(token, 401);
	}

	private static String issued(String user, Instant iat, Instant iatMillis) {
		return "Bearer " + tokens.builder(user)
			.perms(Permissions.CRM_READ)
			.issuedAt(iat)
			.claim(RevokedTokens.ISSUED_AT_MILLIS_CLAIM, iatMillis.toEpochMilli())
			.sign();
	}

	private static Jwt jwt(String subject) {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.subject(subject)
			.issuedAt(Instant.now().minusSeconds(60))
			.build();
	}

	private static String newUserId() {
		return "user-" + UUID.randomUUID();
	}

	private static void publishUser(String type, String user, String status, Instant at) {
		publish(RevocationFeed.USERS_TOPIC, type, user, at, Map.of("id", user, "status", status));
	}

	private static void publishCredentialChanged(String user, Instant at) {
		publish(RevocationFeed.CREDENTIALS_TOPIC, "credential.changed", user, at,
				Map.of("userId", user, "reason", "changed", "changedAt", at.toString()));
	}

	private static void publish(String topic, String type, String key, Map<String, Object> payload) {
		publish(topic, type, key, Instant.now(), payload);
	}

	private static void publish(String topic, String type, String key, Instant at, Map<String, Object> payload) {
		Map<String, Object> envelope = Map.of("id", UUID.randomUUID().toString(), "type", type, "version", 1,
				"occurredAt", at.toString(), "key", key, "payload", payload);
		producer.send(new ProducerRecord<>(topic, key, json.writeValueAsString(envelope)));
		producer.flush();
	}

	private void awaitStatus(String bearer, int status) {
		await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertStatus(bearer, status));
	}

	private void assertStatus(String bearer, int status) {
		this.client.get()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.exchange()
			.expectStatus()
			.isEqualTo(status);
	}

}
