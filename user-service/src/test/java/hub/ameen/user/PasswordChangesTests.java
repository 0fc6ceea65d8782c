package hub.ameen.user;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.test.kafka.TopicWriter;
import hub.ameen.user.directory.User;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * auth-service's {@code credential.changed}, over the real broker, is recorded on the
 * user as {@code passwordChangedAt}, and each later change replaces it.
 */
class PasswordChangesTests extends UserServiceTestSupport {

	@Test
	void aPasswordChangeInAuthServiceIsRecordedOnTheUser() {
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

	private static void publishChange(String userId, Instant at) {
		EventEnvelope event = EventEnvelope.of("credential.changed", 1, userId, userId,
				Map.of("userId", userId, "reason", "changed", "changedAt", at.toString()));
		TopicWriter.shared().send(Topics.CREDENTIAL_CHANGE, userId, event);
	}

}
