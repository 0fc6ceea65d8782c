package hub.ameen.notification.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import hub.ameen.notification.ServiceTestSupport;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.web.SseClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The activity feed over the real broker: events published as crm-service, tasks-service,
 * scheduler-service and user-service publish them become entries that each reader sees
 * only where they may read the record, newest first, once.
 */
class FeedTests extends ServiceTestSupport {

	static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);

	@Autowired
	FeedRetention retention;

	@Autowired
	FeedStore feed;

	@Test
	void threeUsersEachSeeWhatTheyMayReadInOrderOnce() {
		String alice = newUser();
		String bob = newUser();
		String carol = newUser();
		String dealId = "deal-" + UUID.randomUUID();
		String taskId = "task-" + UUID.randomUUID();
		String meeting = "event-" + UUID.randomUUID();
		String privateMeeting = "event-" + UUID.randomUUID();

		EventEnvelope created = at(1, alice, "deal.created", dealId, deal(dealId, "lead"));
		publish(Topics.DEAL, created);
		publish(Topics.DEAL, at(2, alice, "deal.updated", dealId, deal(dealId, "qualified")));
		publish(Topics.DEAL, at(2, alice, "deal.stage-changed", dealId, Map.of("dealId", dealId, "pipelineId",
				"default", "from", "lead", "to", "qualified", "deal", deal(dealId, "qualified"))));
		publish(Topics.TASK, at(3, bob, "task.created", taskId, task(taskId, null)));
		publish(Topics.TASK, at(4, bob, "task.updated", taskId, task(taskId, alice)));
		publish(Topics.CALENDAR_EVENT,
				at(5, carol, "scheduler.event.created", meeting, calendar(meeting, carol, List.of(bob))));
		publish(Topics.CALENDAR_EVENT,
				at(6, carol, "scheduler.event.created", privateMeeting, calendar(privateMeeting, carol, List.of())));
		// the broker delivers the deal's creation again (a relay retry after a crash)
		publish(Topics.DEAL, created);
		publish(Topics.DEAL, at(7, alice, "deal.updated", dealId, deal(dealId, "qualified")));

		Set<String> mine = Set.of(dealId, taskId, meeting, privateMeeting);
		String aliceToken = token(alice, "crm:read", "tasks:read", "scheduler:read");
		String bobToken = token(bob, "tasks:read", "scheduler:read");
		String carolToken = token(carol, "crm:read", "scheduler:read");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(entries(aliceToken, mine)).containsExactly("deal.changed " + dealId, "task.assigned " + taskId,
					"task.created " + taskId, "deal.moved " + dealId, "deal.created " + dealId);
			assertThat(entries(bobToken, mine)).containsExactly("event.scheduled " + meeting, "task.assigned " + taskId,
					"task.created " + taskId);
			assertThat(entries(carolToken, mine)).containsExactly("deal.changed " + dealId,
					"event.scheduled " + privateMeeting, "event.scheduled " + meeting, "deal.moved " + dealId,
					"deal.created " + dealId);
		});
		assertThat(entries(token(newUser(), "scheduler:read"), mine)).isEmpty();
		assertThat(entries(token(newUser(), "scheduler:manage"), mine))
			.containsExactly("event.scheduled " + privateMeeting, "event.scheduled " + meeting);
	}

	@Test
	void entriesSayWhoDidWhatWhenWithALinkAndPageByCursor() {
		String alice = newUser();
		String dealId = "deal-" + UUID.randomUUID();
		publish(Topics.DEAL, at(1, alice, "deal.created", dealId, deal(dealId, "lead")));
		String reader = token(newUser(), "crm:read");
		await().atMost(Duration.ofSeconds(30)).until(() -> entries(reader, Set.of(dealId)).size() == 1);

		JsonNode entry = page(reader, "?type=deal.created&limit=200").get("items")
			.valueStream()
			.filter((e) -> dealId.equals(e.get("about").get("id").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(entry.get("actorId").asString()).isEqualTo(alice);
		assertThat(entry.get("at").asString()).isEqualTo(T0.plusSeconds(1).toString());
		assertThat(entry.get("about").get("title").asString()).isEqualTo("Fleet " + dealId);
		assertThat(entry.get("link").asString()).isEqualTo("/crm/deals/" + dealId);

		String contactId = "contact-" + UUID.randomUUID();
		publish(Topics.CONTACT, at(2, alice, "contact.created", contactId,
				Map.of("id", contactId, "firstName", "Layla", "lastName", "Haddad", "title", "CFO")));
		await().atMost(Duration.ofSeconds(30)).until(() -> entries(reader, Set.of(contactId)).size() == 1);
		JsonNode contact = page(reader, "?type=contact.created&limit=200").get("items")
			.valueStream()
			.filter((e) -> contactId.equals(e.get("about").get("id").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(contact.get("about").get("title").asString()).isEqualTo("Layla Haddad");
		assertThat(contact.get("link").asString()).isEqualTo("/crm/contacts/" + contactId);

		List<String> firstFour = ids(page(reader, "?limit=4"));
		JsonNode firstTwo = page(reader, "?limit=2");
		List<String> nextTwo = ids(page(reader, "?limit=2&cursor=" + firstTwo.get("nextCursor").asString()));
		assertThat(ids(firstTwo)).hasSize(2);
		assertThat(firstFour).containsExactlyElementsOf(
				java.util.stream.Stream.concat(ids(firstTwo).stream(), nextTwo.stream()).toList());
	}

	@Test
	void aRecordsHistoryListsOnlyTheEntriesAboutThatRecord() {
		String alice = newUser();
		String dealId = "deal-" + UUID.randomUUID();
		String otherId = "deal-" + UUID.randomUUID();
		publish(Topics.DEAL, at(1, alice, "deal.created", dealId, deal(dealId, "lead")));
		publish(Topics.DEAL, at(2, alice, "deal.created", otherId, deal(otherId, "lead")));
		publish(Topics.DEAL, at(3, alice, "deal.stage-changed", dealId, Map.of("dealId", dealId, "pipelineId",
				"default", "from", "lead", "to", "qualified", "deal", deal(dealId, "qualified"))));
		String reader = token(newUser(), "crm:read");
		await().atMost(Duration.ofSeconds(30)).until(() -> entries(reader, Set.of(dealId, otherId)).size() == 3);

		JsonNode history = page(reader, "?record=" + dealId);
		assertThat(history.get("items").valueStream().map((e) -> e.get("type").asString()))
			.containsExactly("deal.moved", "deal.created");
		assertThat(history.get("items").valueStream().map((e) -> e.get("about").get("id").asString()))
			.containsOnly(dealId);
		assertThat(page(token(newUser(), "tasks:read"), "?record=" + dealId).get("items")).isEmpty();
	}

	@Test
	void newEntriesArePushedLiveAsFeedEventsOnlyToStreamsWhoseReaderMaySeeThem() {
		String dealId = "deal-" + UUID.randomUUID();
		String taskId = "task-" + UUID.randomUUID();
		String sales = newUser();
		String member = newUser();
		try (SseClient salesStream = SseClient.connect(this.port, "/api/notifications/stream",
				Map.of("Authorization", token(sales, "crm:read", "tasks:read")));
				SseClient memberStream = SseClient.connect(this.port, "/api/notifications/stream",
						Map.of("Authorization", token(member, "tasks:read")))) {
			publish(Topics.DEAL, at(1, sales, "deal.created", dealId, deal(dealId, "lead")));
			await().atMost(Duration.ofSeconds(30)).until(() -> feedEvents(salesStream).contains(dealId));
			// entries fan out in order on one thread: once the task reaches the member,
			// the
			// deal would have reached them before it
			publish(Topics.TASK, at(2, sales, "task.created", taskId, task(taskId, null)));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> feedEvents(salesStream).contains(taskId) && feedEvents(memberStream).contains(taskId));
			assertThat(feedEvents(memberStream)).doesNotContain(dealId);
			assertThat(feedEvents(salesStream)).containsOnlyOnce(dealId, taskId);
			assertThat(salesStream.events().stream().filter((e) -> "feed".equals(e.event())))
				.allMatch((e) -> e.id() == null);
			assertThat(salesStream.notifications()).isEmpty();
		}
	}

	@Test
	void badQueriesAreProblemsAndTheFeedNeedsAToken() {
		String reader = token(newUser(), "crm:read");
		for (String query : List.of("?type=deal.exploded", "?limit=0", "?limit=201", "?cursor=not-a-cursor",
				"?record=" + "x".repeat(65))) {
			this.web.get()
				.uri("/api/notifications/feed" + query)
				.header("Authorization", reader)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		this.web.get().uri("/api/notifications/feed").exchange().expectStatus().isUnauthorized();
		this.web.get()
			.uri("/api/notifications/feed")
			.header("Authorization", TestTokens.shared().bearer(newUser(), "crm:read"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void theCleanupRemovesEntriesPastTheirRetentionAndKeepsTheRest() {
		String old = "company-" + UUID.randomUUID();
		String recent = "company-" + UUID.randomUUID();
		publish(Topics.COMPANY,
				new EventEnvelope(UUID.randomUUID().toString(), "company.created", 1,
						Instant.now().minus(Duration.ofDays(91)), old, "someone",
						this.json.valueToTree(Map.of("name", "Old"))));
		publish(Topics.COMPANY, at(1, "someone", "company.created", recent, Map.of("name", "Recent")));
		String reader = token(newUser(), "crm:read");
		await().atMost(Duration.ofSeconds(30)).until(() -> entries(reader, Set.of(old, recent)).size() == 2);

		assertThat(this.retention.removeExpired()).isGreaterThanOrEqualTo(1);

		assertThat(entries(reader, Set.of(old, recent))).containsExactly("company.created " + recent);
		assertThat(this.retention.removeExpired()).isZero();
	}

	private EventEnvelope at(int seconds, String actor, String type, String key, Object payload) {
		return new EventEnvelope(UUID.randomUUID().toString(), type, 1, T0.plusSeconds(seconds), key, actor,
				this.json.valueToTree(payload));
	}

	private static Map<String, Object> deal(String id, String stage) {
		return Map.of("id", id, "title", "Fleet " + id, "stage", stage, "pipelineId", "default", "amount",
				Map.of("value", "250000.75", "currency", "SAR"));
	}

	private static Map<String, Object> task(String id, String assigneeId) {
		return (assigneeId != null)
				? Map.of("id", id, "title", "Call Layla", "status", "todo", "assigneeId", assigneeId)
				: Map.of("id", id, "title", "Call Layla", "status", "todo");
	}

	private static Map<String, Object> calendar(String id, String creator, List<String> attendees) {
		return Map.of("id", id, "title", "Weekly sync", "creatorId", creator, "attendeeIds", attendees, "startsAt",
				"2026-12-07T06:00:00Z", "status", "scheduled");
	}

	private static String token(String userId, String... perms) {
		String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of(READ), java.util.Arrays.stream(perms))
			.toArray(String[]::new);
		return TestTokens.shared().bearer(userId, all);
	}

	/** The reader's newest 200 entries about these records, as "type recordId". */
	private List<String> entries(String token, Set<String> records) {
		return page(token, "?limit=200").get("items")
			.valueStream()
			.filter((e) -> records.contains(e.get("about").get("id").asString()))
			.map((e) -> e.get("type").asString() + " " + e.get("about").get("id").asString())
			.toList();
	}

	private JsonNode page(String token, String query) {
		return this.web.get()
			.uri("/api/notifications/feed" + query)
			.header("Authorization", token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	/** The record ids of the {@code feed} events a stream received. */
	private List<String> feedEvents(SseClient stream) {
		return stream.events()
			.stream()
			.filter((e) -> "feed".equals(e.event()))
			.map((e) -> this.json.readTree(e.data()).get("about").get("id").asString())
			.toList();
	}

	private static List<String> ids(JsonNode page) {
		return page.get("items").valueStream().map((e) -> e.get("id").asString()).toList();
	}

}
