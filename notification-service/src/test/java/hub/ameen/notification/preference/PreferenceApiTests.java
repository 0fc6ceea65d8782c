package hub.ameen.notification.preference;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import hub.ameen.notification.ServiceTestSupport;
import hub.ameen.platform.events.Topics;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PreferenceApiTests extends ServiceTestSupport {

	static final String PATH = "/api/notifications/preferences";

	@Test
	void aMutedTypeIsNotCreatedForThatUserOnly() {
		String muting = newUser();
		String other = newUser();
		this.web.get()
			.uri(PATH)
			.header("Authorization", bearer(muting))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.muted.length()")
			.isEqualTo(0)
			.jsonPath("$.types")
			.isEqualTo(List.of("reminder.due", "task.assigned", "task.due-soon", "task.overdue", "task.mentioned",
					"task.commented", "task.reminder", "task.digest", "crm.assigned", "crm.deal-won", "crm.import",
					"user.welcome"));
		put(muting, "{\"muted\":[\"task.overdue\",\"reminder.due\"]}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.muted")
			.isEqualTo(List.of("reminder.due", "task.overdue"));
		this.web.get()
			.uri(PATH)
			.header("Authorization", bearer(muting))
			.exchange()
			.expectBody()
			.jsonPath("$.muted")
			.isEqualTo(List.of("reminder.due", "task.overdue"));

		publish(Topics.REMINDER, reminder("muted-" + other, "Planning", List.of(muting, other)));
		await().atMost(Duration.ofSeconds(30)).until(() -> unreadCount(other) == 1);
		// one transaction handled both recipients: the one who muted reminders got none
		assertThat(unreadCount(muting)).isZero();
	}

	@Test
	void rejectsUnknownTypesAndMalformedBodies() {
		String user = newUser();
		put(user, "{\"muted\":[\"reminder.due\",\"spam\"]}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		put(user, "{}").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("muted");
		put(user, "{\"muted\":").expectStatus().isBadRequest();
		this.web.get()
			.uri(PATH)
			.header("Authorization", bearer(user))
			.exchange()
			.expectBody()
			.jsonPath("$.muted.length()")
			.isEqualTo(0);
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec put(String user, String body) {
		return this.web.put()
			.uri(PATH)
			.header("Authorization", bearer(user))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private long unreadCount(String user) {
		Map<?, ?> count = this.web.get()
			.uri("/api/notifications/unread-count")
			.header("Authorization", bearer(user))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) count.get("count")).longValue();
	}

}
