package hub.ameen.scheduler.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import hub.ameen.scheduler.SchedulerTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events API over HTTP: CRUD, validation, permissions, occurrences and the edit
 * scopes of recurring events.
 */
class EventApiTests extends SchedulerTestSupport {

	private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void aMemberCreatesReadsChangesAndDeletesTheirEvent() {
		String ownerId = "owner-" + UUID.randomUUID();
		String owner = member(ownerId);
		Map<String, Object> created = create(owner,
				event("Planning", "2027-02-01T09:00", "2027-02-01T10:00", "Asia/Riyadh", null));
		String id = (String) created.get("id");

		assertThat(created).containsOnlyKeys("id", "title", "description", "location", "startsAt", "endsAt", "timeZone",
				"allDay", "recurrence", "exdates", "reminders", "attendeeIds", "status", "creatorId", "seriesId",
				"originalStartsAt", "createdAt", "updatedAt", "completedAt");
		assertThat(created).containsEntry("title", "Planning")
			.containsEntry("startsAt", "2027-02-01T06:00:00Z")
			.containsEntry("timeZone", "Asia/Riyadh")
			.containsEntry("status", "scheduled")
			.containsEntry("creatorId", ownerId)
			.containsEntry("reminders", List.of(Map.of("minutesBefore", 10)))
			.containsEntry("attendeeIds", List.of("attendee-1"));
		get(owner, "/api/scheduler/events/" + id).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Planning");

		patch(owner, id, "", Map.of("title", "Planning v2", "location", "Room 4")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Planning v2")
			.jsonPath("$.location")
			.isEqualTo("Room 4")
			.jsonPath("$.startsAt")
			.isEqualTo("2027-02-01T06:00:00Z");

		delete(owner, id, "").expectStatus().isNoContent();
		get(owner, "/api/scheduler/events/" + id).exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void eventsAreListedByAttendeePageByPage() {
		String attendee = "listed-" + UUID.randomUUID();
		String owner = member("owner-" + UUID.randomUUID());
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Map<String, Object> body = event("Meeting " + i, "2027-03-0" + (i + 1) + "T09:00",
					"2027-03-0" + (i + 1) + "T10:00", "UTC", null);
			body.put("attendeeIds", List.of(attendee));
			ids.add((String) create(owner, body).get("id"));
		}
		create(owner, event("Not theirs", "2027-03-01T09:00", "2027-03-01T10:00", "UTC", null));

		Map<String, Object> first = list(owner, "?attendeeId=" + attendee + "&limit=3");
		Map<String, Object> second = list(owner,
				"?attendeeId=" + attendee + "&limit=3&cursor=" + first.get("nextCursor"));

		assertThat(idsOf(first)).containsExactlyElementsOf(ids.subList(0, 3));
		assertThat(idsOf(second)).containsExactlyElementsOf(ids.subList(3, 5));
		assertThat(second.get("nextCursor")).isNull();
		get(owner, "/api/scheduler/events?cursor=%%%").exchange().expectStatus().isBadRequest();
	}

	@Test
	void occurrencesAreExpandedInTheEventsZoneAndSortedByStart() {
		String user = "viewer-" + UUID.randomUUID();
		String token = member(user);
		Map<String, Object> weekly = event("Stand-up", "2027-03-01T09:00", "2027-03-01T09:15", "America/New_York",
				"FREQ=WEEKLY;BYDAY=MO;COUNT=4");
		Map<String, Object> single = event("Review", "2027-03-08T12:00", "2027-03-08T13:00", "America/New_York", null);
		String weeklyId = (String) create(token, weekly).get("id");
		String singleId = (String) create(token, single).get("id");

		List<Map<String, Object>> items = occurrences(token,
				"from=2027-02-25T00:00:00Z&to=2027-04-01T00:00:00Z&attendeeId=" + user);

		// New York moves to daylight time on 2027-03-14: 09:00 local is 14:00Z, then
		// 13:00Z
		assertThat(items).extracting((item) -> item.get("eventId") + "@" + item.get("startsAt"))
			.containsExactly(weeklyId + "@2027-03-01T14:00:00Z", weeklyId + "@2027-03-08T14:00:00Z",
					singleId + "@2027-03-08T17:00:00Z", weeklyId + "@2027-03-15T13:00:00Z",
					weeklyId + "@2027-03-22T13:00:00Z");
		assertThat(items.get(0)).containsEntry("title", "Stand-up").containsEntry("endsAt", "2027-03-01T14:15:00Z");
	}

	@Test
	void thisOccurrenceBecomesAnEventOfItsOwnAndLeavesTheSeries() {
		String user = "scoped-" + UUID.randomUUID();
		String token = member(user);
		String id = (String) create(token, event("Weekly sync", "2027-05-03T10:00", "2027-05-03T11:00", "Asia/Riyadh",
				"FREQ=WEEKLY;BYDAY=MO;COUNT=4"))
			.get("id");
		Instant second = at(RIYADH, "2027-05-10T10:00");

		Map<String, Object> moved = patch(token, id, "?scope=this&occurrence=" + second,
				Map.of("title", "Moved sync", "startsAt", at(RIYADH, "2027-05-11T14:00").toString(), "endsAt",
						at(RIYADH, "2027-05-11T15:00").toString()))
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();

		assertThat(moved).containsEntry("seriesId", id)
			.containsEntry("originalStartsAt", second.toString())
			.containsEntry("recurrence", null);
		assertThat(startsOf(token, user)).containsExactly("Weekly sync@2027-05-03T07:00:00Z",
				"Moved sync@2027-05-11T11:00:00Z", "Weekly sync@2027-05-17T07:00:00Z",
				"Weekly sync@2027-05-24T07:00:00Z");
		// the occurrence is gone from the series, so it cannot be edited there again
		patch(token, id, "?scope=this&occurrence=" + second, Map.of("title", "Again")).expectStatus().isBadRequest();

		delete(token, id, "?scope=this&occurrence=" + at(RIYADH, "2027-05-17T10:00")).expectStatus().isNoContent();
		assertThat(startsOf(token, user)).containsExactly("Weekly sync@2027-05-03T07:00:00Z",
				"Moved sync@2027-05-11T11:00:00Z", "Weekly sync@2027-05-24T07:00:00Z");

		delete(token, id, "").expectStatus().isNoContent();
		assertThat(startsOf(token, user)).isEmpty();
		get(token, "/api/scheduler/events/" + moved.get("id")).exchange().expectStatus().isNotFound();
	}

	@Test
	void thisAndFollowingCutsTheSeriesAndStartsANewOne() {
		String user = "following-" + UUID.randomUUID();
		String token = member(user);
		Map<String, Object> body = event("Daily", "2027-11-05T09:00", "2027-11-05T09:30", "America/New_York",
				"FREQ=DAILY;COUNT=6");
		body.put("exdates", List.of(at(NEW_YORK, "2027-11-09T09:00").toString()));
		String id = (String) create(token, body).get("id");
		Instant third = at(NEW_YORK, "2027-11-07T09:00");

		Map<String, Object> following = patch(token, id, "?scope=following&occurrence=" + third,
				Map.of("title", "Daily (new room)"))
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();

		assertThat(following.get("id")).isNotEqualTo(id);
		assertThat(following).containsEntry("recurrence", "FREQ=DAILY;COUNT=4")
			.containsEntry("startsAt", third.toString())
			.containsEntry("exdates", List.of(at(NEW_YORK, "2027-11-09T09:00").toString()));
		// 2027-11-07 is the day New York leaves daylight time: 09:00 local is 13:00Z,
		// then 14:00Z
		assertThat(startsOf(token, user)).containsExactly("Daily@2027-11-05T13:00:00Z", "Daily@2027-11-06T13:00:00Z",
				"Daily (new room)@2027-11-07T14:00:00Z", "Daily (new room)@2027-11-08T14:00:00Z",
				"Daily (new room)@2027-11-10T14:00:00Z");
		get(token, "/api/scheduler/events/" + id).exchange()
			.expectBody()
			.jsonPath("$.recurrence")
			.isEqualTo("FREQ=DAILY;UNTIL=20271107T135959Z")
			.jsonPath("$.exdates.length()")
			.isEqualTo(0);

		delete(token, (String) following.get("id"), "?scope=following&occurrence=" + at(NEW_YORK, "2027-11-08T09:00"))
			.expectStatus()
			.isNoContent();
		assertThat(startsOf(token, user)).containsExactly("Daily@2027-11-05T13:00:00Z", "Daily@2027-11-06T13:00:00Z",
				"Daily (new room)@2027-11-07T14:00:00Z");
	}

	@Test
	void invalidEventsAreRejectedWithTheOffendingFields() {
		String token = member("validator-" + UUID.randomUUID());
		Map<String, Object> body = event(" ", "2027-01-01T10:00", "2027-01-01T09:00", "Mars/Olympus", null);
		body.put("reminders", List.of(Map.of("minutesBefore", 40321), Map.of("minutesBefore", -1)));

		invalid(token, body).jsonPath("$.type")
			.isEqualTo("https://hub.ameen/problems/validation")
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat(fields).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.containsExactlyInAnyOrder("title", "endsAt", "timeZone", "reminders[0].minutesBefore",
						"reminders[1].minutesBefore"));

		Map<String, Object> badRule = event("Rule", "2027-01-01T09:00", "2027-01-01T10:00", "UTC", "FREQ=SOMETIMES");
		invalid(token, badRule).jsonPath("$.errors[0].field").isEqualTo("recurrence");
		Map<String, Object> tooMany = event("Many", "2027-01-01T09:00", "2027-01-01T10:00", "UTC", null);
		List<Map<String, Object>> reminders = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			reminders.add(Map.of("minutesBefore", i));
		}
		tooMany.put("reminders", reminders);
		invalid(token, tooMany).jsonPath("$.errors[0].field").isEqualTo("reminders");
		invalid(token, Map.of("startsAt", "2027-01-01T09:00:00Z")).jsonPath("$.errors[*].field")
			.value((fields) -> assertThat(fields).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.contains("title", "endsAt"));

		this.web.post()
			.uri("/api/scheduler/events")
			.header(HttpHeaders.AUTHORIZATION, token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.web.post()
			.uri("/api/scheduler/events")
			.header(HttpHeaders.AUTHORIZATION, token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"title\": \"x\", \"startsAt\": \"tomorrow\"}")
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void aChangeIsValidatedAgainstTheWholeEvent() {
		String token = member("patcher-" + UUID.randomUUID());
		String id = (String) create(token, event("Event", "2027-01-01T09:00", "2027-01-01T10:00", "UTC", null))
			.get("id");

		patch(token, id, "", Map.of("endsAt", "2027-01-01T08:00:00Z")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("endsAt");
		patch(token, id, "?scope=sometimes", Map.of("title", "x")).expectStatus().isBadRequest();
		patch(token, "no-such-event", "", Map.of("title", "x")).expectStatus().isNotFound();
		get(token, "/api/scheduler/events/" + id).exchange()
			.expectBody()
			.jsonPath("$.endsAt")
			.isEqualTo("2027-01-01T10:00:00Z");
	}

	@Test
	void scopedChangesNeedARealOccurrence() {
		String token = member("occurrence-" + UUID.randomUUID());
		String id = (String) create(token,
				event("Series", "2027-01-04T09:00", "2027-01-04T10:00", "UTC", "FREQ=WEEKLY;COUNT=3"))
			.get("id");

		patch(token, id, "?scope=this", Map.of("title", "x")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("occurrence");
		patch(token, id, "?scope=this&occurrence=2027-01-05T09:00:00Z", Map.of("title", "x")).expectStatus()
			.isBadRequest();
		patch(token, id, "?scope=this&occurrence=not-a-time", Map.of("title", "x")).expectStatus().isBadRequest();
	}

	@Test
	void occurrenceWindowsAreChecked() {
		String token = reader("window-" + UUID.randomUUID());

		get(token, "/api/scheduler/occurrences?from=2027-01-02T00:00:00Z&to=2027-01-01T00:00:00Z").exchange()
			.expectStatus()
			.isBadRequest();
		get(token, "/api/scheduler/occurrences?from=2027-01-01T00:00:00Z&to=2028-01-03T00:00:00Z").exchange()
			.expectStatus()
			.isBadRequest();
		get(token, "/api/scheduler/occurrences?to=2027-01-01T00:00:00Z").exchange().expectStatus().isBadRequest();
		get(token, "/api/scheduler/occurrences?from=yesterday&to=2027-01-01T00:00:00Z").exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void permissionsGuardEveryEndpoint() {
		String owner = "perm-owner-" + UUID.randomUUID();
		String id = (String) create(member(owner), event("Owned", "2027-06-01T09:00", "2027-06-01T10:00", "UTC", null))
			.get("id");

		this.web.get().uri("/api/scheduler/events").exchange().expectStatus().isUnauthorized();
		this.web.get()
			.uri("/api/scheduler/occurrences?from=2027-01-01T00:00:00Z&to=2027-02-01T00:00:00Z")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.web.get()
			.uri("/api/scheduler/events")
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		get(reader("r"), "/api/scheduler/events/" + id).exchange().expectStatus().isNotFound();
		this.web.post()
			.uri("/api/scheduler/events")
			.header(HttpHeaders.AUTHORIZATION, reader("r"))
			.bodyValue(event("Nope", "2027-06-01T09:00", "2027-06-01T10:00", "UTC", null))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		get(member("nobody"), "/api/scheduler/events").exchange().expectStatus().isOk();

		String attendee = member("attendee-1");
		patch(attendee, id, "", Map.of("title", "Mine now")).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hub.ameen/problems/forbidden");
		delete(attendee, id, "").expectStatus().isForbidden();
		get(attendee, "/api/scheduler/events/" + id).exchange().expectBody().jsonPath("$.title").isEqualTo("Owned");

		patch(manager("a-manager"), id, "", Map.of("title", "Managed")).expectStatus().isOk();
		delete(admin("an-admin"), id, "").expectStatus().isNoContent();
	}

	@Test
	void theServiceEndpointShowsTheClock() {
		this.web.get().uri("/api/scheduler/service").exchange().expectStatus().isUnauthorized();
		get(reader("status-reader"), "/api/scheduler/service").exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.running")
			.isEqualTo(true)
			.jsonPath("$.lastTick")
			.exists()
			.jsonPath("$.backlog")
			.isNumber()
			.jsonPath("$.fired")
			.isNumber()
			.jsonPath("$.late")
			.isNumber();
	}

	private WebTestClient.BodyContentSpec invalid(String token, Map<String, Object> body) {
		return this.web.post()
			.uri("/api/scheduler/events")
			.header(HttpHeaders.AUTHORIZATION, token)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody();
	}

	private WebTestClient.ResponseSpec patch(String token, String id, String query, Map<String, Object> body) {
		return this.web.patch()
			.uri("/api/scheduler/events/" + id + query)
			.header(HttpHeaders.AUTHORIZATION, token)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec delete(String token, String id, String query) {
		return this.web.delete()
			.uri("/api/scheduler/events/" + id + query)
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange();
	}

	private Map<String, Object> list(String token, String query) {
		return get(token, "/api/scheduler/events" + query).exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> occurrences(String token, String query) {
		Map<String, Object> page = get(token, "/api/scheduler/occurrences?" + query).exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		return (List<Map<String, Object>>) page.get("items");
	}

	private List<String> startsOf(String token, String user) {
		return occurrences(token, "from=2027-01-01T00:00:00Z&to=2027-12-31T00:00:00Z&attendeeId=" + user).stream()
			.map((item) -> item.get("title") + "@" + item.get("startsAt"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static List<String> idsOf(Map<String, Object> page) {
		return ((List<Map<String, Object>>) page.get("items")).stream().map((item) -> (String) item.get("id")).toList();
	}

	private static Map<String, Object> event(String title, String localStart, String localEnd, String zone,
			String rule) {
		ZoneId zoneId = ZoneId.of(zone.equals("Mars/Olympus") ? "UTC" : zone);
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("startsAt", at(zoneId, localStart).toString());
		body.put("endsAt", at(zoneId, localEnd).toString());
		body.put("timeZone", zone);
		body.put("recurrence", rule);
		body.put("reminders", List.of(Map.of("minutesBefore", 10)));
		body.put("attendeeIds", new ArrayList<>(Collections.singletonList("attendee-1")));
		return body;
	}

	private static Instant at(ZoneId zone, String local) {
		return LocalDateTime.parse(local).atZone(zone).toInstant();
	}

}
