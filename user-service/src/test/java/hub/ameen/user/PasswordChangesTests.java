package hub.ameen.user;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.user.user.User;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * auth-service's {@code credential.changed}, over the real broker, is recorded on the
 * user as {@code passwordChangedAt}, and each later change replaces it.
 */
class PasswordChangesTests extends UserServiceTestSupport {

	static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aPasswordChangeInAuthServiceIsRecordedOnTheUser() throws Exception {
		User user = createUser("member");
		Instant changedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

		publishChange(user.id(), changedAt);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(passwordChangedAt(user.id())).isEqualTo(changedAt.toString()));
		Instant later = changedAt.plusSeconds(1);
		publishChange(user.id(), later);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(passwordChangedAt(user.id())).isEqualTo(later.toString()));
	}

	private String passwordChangedAt(String id) {
		return this.client.get()
			.uri("/api/users/" + id)
			.header(HttpHeaders.AUTHORIZATION, adminBearer())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.getOrDefault("passwordChangedAt", "none")
			.toString();
	}

	private static void publishChange(String userId, Instant at) throws Exception {
		EventEnvelope event = EventEnvelope.of("credential.changed", 1, userId, userId,
				Map.of("userId", userId, "reason", "changed", "changedAt", at.toString()));
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>("hub.auth.credential.v1", userId, json.writeValueAsString(event))).get();
		}
	}

}
