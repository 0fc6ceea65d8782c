package hub.ameen.scheduler.calendar;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import hub.ameen.scheduler.SchedulerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees which event: its creator and attendees see it, a holder of
 * {@code scheduler:manage} sees every event, and to anyone else it does not exist (404,
 * missing from lists and calendars). Only the creator or a manager changes it.
 */
class EventPrivacyTests extends SchedulerTestSupport {

	private static final String WINDOW = "from=2027-09-01T00:00:00Z&to=2027-10-01T00:00:00Z";

	private String ownerId;

	private String attendeeId;

	private String strangerId;

	private String id;

	@BeforeEach
	void aPrivateMeeting() {
		this.ownerId = "private-owner-" + UUID.randomUUID();
		this.attendeeId = "private-attendee-" + UUID.randomUUID();
		this.strangerId = "private-stranger-" + UUID.randomUUID();
		this.id = (String) create(member(this.ownerId),
				Map.of("title", "Salary review", "startsAt", "2027-09-06T09:00:00Z", "endsAt", "2027-09-06T10:00:00Z",
						"recurrence", "FREQ=WEEKLY;COUNT=3", "attendeeIds", List.of(this.attendeeId)))
			.get("id");
		// the stranger has an event of their own, so their lists are not empty anyway
		create(member(this.strangerId),
				Map.of("title", "Own", "startsAt", "2027-09-07T09:00:00Z", "endsAt", "2027-09-07T10:00:00Z"));
	}

	@Test
	void aMemberWhoNeitherCreatedNorAttendsGets404ForTheEventById() {
		String stranger = member(this.strangerId);
		get(stranger, "/api/scheduler/events/" + this.id).exchange().expectStatus().isNotFound();
		String missing = get(stranger, "/api/scheduler/events/NO-SUCH-EVENT").exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("title")
			.toString();
		assertThat(get(stranger, "/api/scheduler/events/" + this.id).exchange()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()).containsEntry("title", missing).doesNotContainValue("Salary review");
		get(reader(this.strangerId), "/api/scheduler/events/" + this.id).exchange().expectStatus().isNotFound();
	}

	@Test
	void othersEventsAreMissingFromAMembersListsAndOccurrences() {
		String stranger = member(this.strangerId);

		assertThat(titles(stranger, "/api/scheduler/events")).containsExactly("Own");
		assertThat(titles(stranger, "/api/scheduler/events?attendeeId=" + this.ownerId)).isEmpty();
		assertThat(titles(stranger, "/api/scheduler/events?attendeeId=" + this.attendeeId)).isEmpty();
		assertThat(titles(stranger, "/api/scheduler/occurrences?" + WINDOW)).containsExactly("Own");
		assertThat(titles(stranger, "/api/scheduler/occurrences?" + WINDOW + "&attendeeId=" + this.ownerId)).isEmpty();
	}

	@Test
	void theCreatorAndTheAttendeesSeeTheEventEverywhere() {
		for (String token : List.of(member(this.ownerId), reader(this.attendeeId))) {
			get(token, "/api/scheduler/events/" + this.id).exchange().expectStatus().isOk();
			assertThat(titles(token, "/api/scheduler/events")).containsExactly("Salary review");
			assertThat(titles(token, "/api/scheduler/occurrences?" + WINDOW)).containsExactly("Salary review",
					"Salary review", "Salary review");
		}
		assertThat(titles(member(this.attendeeId), "/api/scheduler/events?attendeeId=" + this.ownerId))
			.containsExactly("Salary review");
	}

	@Test
	void aManagerSeesEveryonesEvents() {
		String manager = manager("private-manager-" + UUID.randomUUID());

		get(manager, "/api/scheduler/events/" + this.id).exchange().expectStatus().isOk();
		assertThat(titles(manager, "/api/scheduler/events?attendeeId=" + this.ownerId))
			.containsExactly("Salary review");
		assertThat(titles(manager, "/api/scheduler/occurrences?" + WINDOW + "&attendeeId=" + this.attendeeId))
			.hasSize(3);
		assertThat(titles(admin("private-admin"),
				"/api/scheduler/occurrences?" + WINDOW + "&attendeeId=" + this.strangerId))
			.containsExactly("Own");
	}

	@Test
	void onlyTheCreatorOrAManagerChangesItAndAStrangerCannotEvenFindIt() {
		String stranger = member(this.strangerId);
		String attendee = member(this.attendeeId);

		change(stranger, "").expectStatus().isNotFound();
		change(stranger, "?scope=this&occurrence=2027-09-13T09:00:00Z").expectStatus().isNotFound();
		remove(stranger).expectStatus().isNotFound();
		change(attendee, "").expectStatus().isForbidden();
		change(attendee, "?scope=following&occurrence=2027-09-13T09:00:00Z").expectStatus().isForbidden();
		remove(attendee).expectStatus().isForbidden();
		get(member(this.ownerId), "/api/scheduler/events/" + this.id).exchange()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Salary review")
			.jsonPath("$.recurrence")
			.isEqualTo("FREQ=WEEKLY;COUNT=3");

		change(member(this.ownerId), "").expectStatus().isOk();
		change(manager("private-manager"), "").expectStatus().isOk();
		remove(manager("private-manager")).expectStatus().isNoContent();
	}

	private WebTestClient.ResponseSpec change(String token, String query) {
		return this.web.patch()
			.uri("/api/scheduler/events/" + this.id + query)
			.header(HttpHeaders.AUTHORIZATION, token)
			.bodyValue(Map.of("title", "Changed"))
			.exchange();
	}

	private WebTestClient.ResponseSpec remove(String token) {
		return this.web.delete()
			.uri("/api/scheduler/events/" + this.id)
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange();
	}

	@SuppressWarnings("unchecked")
	private List<String> titles(String token, String uri) {
		Map<String, Object> page = get(token, uri).exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		return ((List<Map<String, Object>>) page.get("items")).stream()
			.map((item) -> (String) item.get("title"))
			.toList();
	}

}
