package hub.ameen.scheduler.calendar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import hub.ameen.scheduler.SchedulerTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input and costly input over HTTP: instants far outside the calendar, ids and lists
 * too long to store, and recurrence rules the hub will not expand all answer a clear 400
 * (or 404 for an id) and change nothing; no single request is too expensive to serve.
 */
class EventLimitsApiTests extends SchedulerTestSupport {

	private static final String FAR_FUTURE = "+1000000000-01-01T00:00:00Z";

	private static final String FAR_PAST = "-1000000000-01-01T00:00:00Z";

	@Test
	void instantsOfYearPlusOrMinusOneBillionAreRefusedWhereverTheyAppear() {
		String token = member("far-" + UUID.randomUUID());
		for (String far : List.of(FAR_FUTURE, FAR_PAST)) {
			Map<String, Object> body = event("Far", "FREQ=DAILY;COUNT=5");
			body.put("exdates", List.of(far));
			post(token, body).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("exdates[0]");
			body.put("exdates", List.of());
			body.put("startsAt", far);
			post(token, body).expectStatus().isBadRequest();

			occurrences(token,
					(uri) -> uri.queryParam("from", "{from}")
						.queryParam("to", "{to}")
						.build(far, "2027-01-01T00:00:00Z"))
				.expectStatus()
				.isBadRequest();
			occurrences(token,
					(uri) -> uri.queryParam("from", "{from}")
						.queryParam("to", "{to}")
						.build("2027-01-01T00:00:00Z", far))
				.expectStatus()
				.isBadRequest();
		}
		String id = (String) create(token, event("Series", "FREQ=DAILY;COUNT=5")).get("id");
		for (String scope : List.of("this", "following")) {
			for (String far : List.of(FAR_FUTURE, FAR_PAST)) {
				this.web.patch()
					.uri((uri) -> uri.path("/api/scheduler/events/" + id)
						.queryParam("scope", scope)
						.queryParam("occurrence", "{occurrence}")
						.build(far))
					.header(HttpHeaders.AUTHORIZATION, token)
					.bodyValue(Map.of("title", "x"))
					.exchange()
					.expectStatus()
					.isBadRequest()
					.expectBody()
					.jsonPath("$.errors[0].field")
					.isEqualTo("occurrence");
				this.web.patch()
					.uri((uri) -> uri.path("/api/scheduler/events/" + id).build())
					.header(HttpHeaders.AUTHORIZATION, token)
					.bodyValue(Map.of("exdates", List.of(far)))
					.exchange()
					.expectStatus()
					.isBadRequest();
			}
		}
		get(token, "/api/scheduler/events/" + id).exchange().expectBody().jsonPath("$.exdates.length()").isEqualTo(0);
	}

	@Test
	void idsAndKeysTooLongToStoreAreRefusedBeforeTheStoreSeesThem() {
		String token = member("keys-" + UUID.randomUUID());
		String longId = "A".repeat(600);

		get(token, "/api/scheduler/events/" + longId).exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Event with that id not found");
		this.web.patch()
			.uri("/api/scheduler/events/" + longId)
			.header(HttpHeaders.AUTHORIZATION, token)
			.bodyValue(Map.of("title", "x"))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.web.delete()
			.uri("/api/scheduler/events/" + longId)
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange()
			.expectStatus()
			.isNotFound();
		get(token, "/api/scheduler/events?attendeeId=" + "u".repeat(600)).exchange().expectStatus().isBadRequest();
		get(manager("keys-manager"), "/api/scheduler/events?attendeeId=" + "u".repeat(600)).exchange()
			.expectStatus()
			.isBadRequest();
		get(token, "/api/scheduler/occurrences?from=2027-01-01T00:00:00Z&to=2027-02-01T00:00:00Z&attendeeId="
				+ "u".repeat(600))
			.exchange()
			.expectStatus()
			.isBadRequest();
		get(manager("keys-manager"), "/api/scheduler/events?cursor=" + "QUFB".repeat(300)).exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void listsAndTextsHaveBounds() {
		String token = member("bounds-" + UUID.randomUUID());
		Map<String, Object> attendees = event("Crowd", null);
		attendees.put("attendeeIds", IntStream.range(0, 201).mapToObj((i) -> "user-" + i).toList());
		invalidField(token, attendees, "attendeeIds");
		Map<String, Object> exdates = event("Holes", "FREQ=DAILY");
		exdates.put("exdates",
				IntStream.range(0, 1001)
					.mapToObj(
							(i) -> java.time.Instant.parse("2027-01-01T09:00:00Z").plusSeconds(86_400L * i).toString())
					.toList());
		invalidField(token, exdates, "exdates");
		Map<String, Object> zone = event("Zone", null);
		zone.put("timeZone", "Z".repeat(100));
		invalidField(token, zone, "timeZone");
		invalidField(token, event("T".repeat(201), null), "title");
		Map<String, Object> attendee = event("Long attendee", null);
		attendee.put("attendeeIds", List.of("a".repeat(101)));
		invalidField(token, attendee, "attendeeIds[0]");
	}

	@Test
	void rulesTheHubWillNotExpandAreRefusedInItsOwnWords() {
		String token = member("rules-" + UUID.randomUUID());
		String everything = "FREQ=YEARLY;BYMONTH=" + range(1, 12) + ";BYMONTHDAY=" + range(1, 31) + ";BYHOUR="
				+ range(0, 23) + ";BYMINUTE=" + range(0, 59) + ";BYSECOND=" + range(0, 59) + ";BYSETPOS=-1";

		assertThat(recurrenceProblem(token, everything)).isEqualTo("must be at most 500 characters");
		assertThat(recurrenceProblem(token,
				"FREQ=HOURLY;BYMINUTE=" + range(0, 59) + ";BYSECOND=" + range(0, 59) + ";COUNT=2000000000"))
			.isEqualTo("COUNT must be at most 10000; for a longer series use UNTIL or no end");
		assertThat(recurrenceProblem(token, "FREQ=HOURLY;BYMINUTE=" + range(0, 59) + ";BYSECOND=" + range(0, 59)))
			.isEqualTo("BYSECOND may hold one value: occurrences must be at least a minute apart");
		assertThat(recurrenceProblem(token, "FREQ=DAILY;BYSETPOS=1000"))
			.isEqualTo("is not a valid RRULE, e.g. FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10");
		assertThat(recurrenceProblem(token, "FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=" + range(0, 23)))
			.isEqualTo("the rule makes more than 4000 occurrences in one year; use fewer BYxxx values");
		create(token, event("Every day", "FREQ=YEARLY;BYMONTH=" + range(1, 12) + ";BYMONTHDAY=" + range(1, 31)));
	}

	@Test
	void oneOccurrencesQueryIsBoundedByItsWindowAndItsAnswer() {
		String userId = "dense-" + UUID.randomUUID();
		String token = member(userId);
		Map<String, Object> everyMinute = event("Every minute", "FREQ=HOURLY;BYMINUTE=" + range(0, 59));
		// starts in the future: no timer of it fires during the suite
		everyMinute.put("startsAt", "2100-01-01T00:00:00Z");
		everyMinute.put("endsAt", "2100-01-01T00:00:30Z");
		String id = (String) create(token, everyMinute).get("id");

		// a century later: reached by skipping ahead, not by walking every minute
		List<?> hours = (List<?>) get(token,
				"/api/scheduler/occurrences?from=2199-06-01T00:00:00Z&to=2199-06-01T02:00:00Z")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("items");
		assertThat(hours).hasSize(120);
		get(token, "/api/scheduler/occurrences?from=2199-06-01T00:00:00Z&to=2199-06-08T00:00:00Z").exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("the window holds more than 5000 occurrences; narrow it");
		get(token, "/api/scheduler/occurrences?from=2190-01-01T00:00:00Z&to=2191-01-03T00:00:00Z").exchange()
			.expectStatus()
			.isBadRequest();
		this.web.delete()
			.uri("/api/scheduler/events/" + id)
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	@Test
	void thisAndFollowingFarIntoTheLongestCountedSeriesSplitsItsCount() {
		String token = member("split-" + UUID.randomUUID());
		Map<String, Object> body = event("Counted", "FREQ=HOURLY;BYMINUTE=" + range(0, 59) + ";COUNT=10000");
		body.put("startsAt", "2027-01-01T00:00:00Z");
		body.put("endsAt", "2027-01-01T00:00:30Z");
		String id = (String) create(token, body).get("id");
		String occurrence = java.time.Instant.parse("2027-01-01T00:00:00Z").plusSeconds(60L * 9_000).toString();

		Map<String, Object> following = this.web.patch()
			.uri("/api/scheduler/events/" + id + "?scope=following&occurrence=" + occurrence)
			.header(HttpHeaders.AUTHORIZATION, token)
			.bodyValue(Map.of("title", "Later"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();

		assertThat((String) following.get("recurrence")).matches(".*COUNT=1000(;.*)?");
		assertThat(following).containsEntry("startsAt", occurrence);
	}

	private String recurrenceProblem(String token, String rule) {
		Map<String, Object> problem = post(token, event("Rule", rule)).expectStatus()
			.isBadRequest()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		@SuppressWarnings("unchecked")
		List<Map<String, String>> errors = (List<Map<String, String>>) problem.get("errors");
		assertThat(errors).extracting((error) -> error.get("field")).containsExactly("recurrence");
		assertThat(problem.toString()).doesNotContain("dmfs", "Exception", "out of range");
		return errors.get(0).get("message");
	}

	private void invalidField(String token, Map<String, Object> body, String field) {
		post(token, body).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(field);
	}

	private WebTestClient.ResponseSpec post(String token, Map<String, Object> body) {
		return this.web.post()
			.uri("/api/scheduler/events")
			.header(HttpHeaders.AUTHORIZATION, token)
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec occurrences(String token, Function<UriBuilder, java.net.URI> query) {
		return this.web.get()
			.uri((uri) -> query.apply(uri.path("/api/scheduler/occurrences")))
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange();
	}

	private static Map<String, Object> event(String title, String rule) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("startsAt", "2027-01-04T09:00:00Z");
		body.put("endsAt", "2027-01-04T10:00:00Z");
		body.put("timeZone", "UTC");
		body.put("recurrence", rule);
		body.put("attendeeIds", new ArrayList<>(Collections.singletonList("attendee-1")));
		return body;
	}

	private static String range(int first, int last) {
		return IntStream.rangeClosed(first, last).mapToObj(Integer::toString).collect(Collectors.joining(","));
	}

}
