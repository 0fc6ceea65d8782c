package hub.ameen.user;

import java.util.List;
import java.util.Map;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.test.kafka.TopicReader;
import hub.ameen.user.directory.User;
import hub.ameen.user.settings.OrganisationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organisation's settings: everyone reads them, only an admin changes them, each
 * change is announced on the broker, and a new user gets the defaults; plus a user's own
 * digest time on {@code /me}.
 */
class SettingsApiTests extends UserServiceTestSupport {

	static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aMemberReadsTheSettingsButMayNotChangeThem() {
		this.client.get()
			.uri("/api/users/settings")
			.header(HttpHeaders.AUTHORIZATION, memberBearer())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.weekStart")
			.exists()
			.jsonPath("$.workingHours.from")
			.exists();
		OrganisationSettings before = settings();
		this.client.patch()
			.uri("/api/users/settings")
			.header(HttpHeaders.AUTHORIZATION, memberBearer())
			.bodyValue(Map.of("name", "Taken over"))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get().uri("/api/users/settings").exchange().expectStatus().isUnauthorized();
		assertThat(settings().name()).isEqualTo(before.name());
	}

	@Test
	void changingTheDefaultTimeZoneIsAnnouncedAndGivesTheNextNewUserThatZone() {
		OrganisationSettings changed = patch(Map.of("timeZone", "Asia/Riyadh", "locale", "ar", "weekStart", "SUNDAY",
				"workingDays", List.of("THURSDAY", "SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY"), "workingHours",
				Map.of("from", "08:30", "to", "16:30"), "digestTime", "07:45"));

		assertThat(changed.timeZone()).isEqualTo("Asia/Riyadh");
		assertThat(changed.workingDays()).extracting(Enum::name)
			.containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "SUNDAY");
		assertThat(changed.updatedBy()).isEqualTo("the-admin");
		EventEnvelope event = settingsEvent("Asia/Riyadh");
		assertThat(event.actorId()).isEqualTo("the-admin");
		assertThat(event.payload().get("digestTime").asString()).isEqualTo("07:45");
		assertThat(event.payload().get("weekStart").asString()).isEqualTo("SUNDAY");

		User next = createUser("member");
		assertThat(next.timeZone()).isEqualTo("Asia/Riyadh");
		assertThat(next.locale()).isEqualTo("ar");

		patch(Map.of("timeZone", "Europe/Berlin", "locale", "en"));
		assertThat(createUser("member").timeZone()).isEqualTo("Europe/Berlin");
		assertThat(this.users.get(next.id()).block().timeZone()).isEqualTo("Asia/Riyadh");
	}

	static List<Map<String, Object>> badSettings() {
		return List.of(Map.of("timeZone", "Mars/Olympus"), Map.of("locale", "fr"), Map.of("weekStart", "FUNDAY"),
				Map.of("workingDays", List.of()), Map.of("workingDays", List.of("MONDAY", "MONDAY")),
				Map.of("workingHours", Map.of("from", "17:00", "to", "09:00")),
				Map.of("workingHours", Map.of("from", "9am", "to", "17:00")),
				Map.of("workingHours", Map.of("to", "17:00")), Map.of("digestTime", "25:00"), Map.of("name", "   "),
				Map.of("name", "x".repeat(101)));
	}

	@ParameterizedTest
	@MethodSource("badSettings")
	void badSettingsAreAProblemAndChangeNothing(Map<String, Object> body) {
		OrganisationSettings before = settings();
		this.client.patch()
			.uri("/api/users/settings")
			.header(HttpHeaders.AUTHORIZATION, adminBearer())
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.value((problem) -> assertThat(problem).doesNotContain("Exception").doesNotContain("java."));
		assertThat(settings()).isEqualTo(before);
	}

	@Test
	void aUserSetsTheirOwnDigestTimeAndCanFollowTheDefaultAgain() {
		User user = createUser("member");
		String token = bearer(user.id(), "tasks:read");
		assertThat(user.digestTime()).isNull();
		assertThat(patchMe(token, "06:15").digestTime()).isEqualTo("06:15");
		assertThat(patchMe(token, "default").digestTime()).isNull();
		this.client.patch()
			.uri("/api/users/me")
			.header(HttpHeaders.AUTHORIZATION, token)
			.bodyValue(Map.of("digestTime", "6:15"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("digestTime");
	}

	@Test
	void aUserChoosesHowEachNotificationTypeReachesThemAndTheChoiceIsAnnounced() {
		User user = createUser("member");
		String token = bearer(user.id(), "tasks:read");
		assertThat(user.notifications()).isEmpty();
		try (TopicReader reader = new TopicReader(Topics.USER)) {
			User changed = patchMe(token,
					Map.of("notifications", Map.of("task.commented", "digest", "crm.import", "off")));
			assertThat(changed.notifications())
				.containsExactlyInAnyOrderEntriesOf(Map.of("task.commented", "digest", "crm.import", "off"));
			// a later change keeps the types it does not name
			changed = patchMe(token, Map.of("notifications", Map.of("crm.import", "live")));
			assertThat(changed.notifications())
				.containsExactlyInAnyOrderEntriesOf(Map.of("task.commented", "digest", "crm.import", "live"));
			var events = reader.awaitKey(user.id(), java.time.Duration.ofSeconds(30), (all) -> all.size() >= 3);
			assertThat(events.get(2).event().payload().get("notifications").get("task.commented").asString())
				.isEqualTo("digest");
		}
		for (Map<String, ?> bad : List.of(Map.of("notifications", Map.of("task.sneezed", "live")),
				Map.of("notifications", Map.of("task.commented", "sometimes")))) {
			this.client.patch()
				.uri("/api/users/me")
				.header(HttpHeaders.AUTHORIZATION, token)
				.bodyValue(bad)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		assertThat(this.users.get(user.id()).block().notifications())
			.containsExactlyInAnyOrderEntriesOf(Map.of("task.commented", "digest", "crm.import", "live"));
	}

	private User patchMe(String token, String digestTime) {
		return patchMe(token, Map.of("digestTime", digestTime));
	}

	private User patchMe(String token, Map<String, ?> body) {
		return this.client.patch()
			.uri("/api/users/me")
			.header(HttpHeaders.AUTHORIZATION, token)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(User.class)
			.returnResult()
			.getResponseBody();
	}

	private OrganisationSettings patch(Map<String, Object> body) {
		return this.client.patch()
			.uri("/api/users/settings")
			.header(HttpHeaders.AUTHORIZATION, adminBearer())
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(OrganisationSettings.class)
			.returnResult()
			.getResponseBody();
	}

	private OrganisationSettings settings() {
		return this.client.get()
			.uri("/api/users/settings")
			.header(HttpHeaders.AUTHORIZATION, memberBearer())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(OrganisationSettings.class)
			.returnResult()
			.getResponseBody();
	}

	private static EventEnvelope settingsEvent(String timeZone) {
		try (TopicReader reader = new TopicReader(Topics.SETTINGS)) {
			return reader
				.awaitUntil((all) -> all.stream()
					.map((r) -> json.readValue(r.value(), EventEnvelope.class))
					.anyMatch((e) -> e.type().equals("settings.updated")
							&& timeZone.equals(e.payload().get("timeZone").asString())))
				.stream()
				.map((r) -> json.readValue(r.value(), EventEnvelope.class))
				.filter((e) -> timeZone.equals(e.payload().get("timeZone").asString()))
				.findFirst()
				.orElseThrow();
		}
	}

}
