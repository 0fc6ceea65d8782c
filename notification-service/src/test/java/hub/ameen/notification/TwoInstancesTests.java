package hub.ameen.notification;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.platform.test.kafka.TopicWriter;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.web.SseClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service in this JVM (two application contexts, each with its own
 * store, instance id and consumer groups, one ticket secret) on the shared broker: each
 * streams every notification of a user once, with the same ids; a client whose instance
 * goes away (its context closed, standing in for a process that stops) resumes on the
 * other with its {@code Last-Event-ID}; a ticket and a read travel between them; and a
 * third instance started later on an empty store, after the oldest records left the inbox
 * topic, numbers every notification still there as they did
 * (docs/decisions/0008-notification-service-instances.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTests {

	private static final String STREAM = "/api/notifications/stream";

	private static final int REMINDERS = 200;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path data;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	/** The user and the notifications the second instance streamed in test 3. */
	private static String streamedTo;

	private static List<SseClient.Event> streamed = List.of();

	@BeforeAll
	static void start() {
		// a group of its own, so that both instances read from the start as new ones do
		String group = "notification-service-instances-" + UUID.randomUUID();
		first = instance(1, group, data.resolve("a"));
		second = instance(2, group, data.resolve("b"));
	}

	@AfterAll
	static void stop() {
		if (first != null) {
			first.close();
		}
		if (second != null) {
			second.close();
		}
	}

	private static ConfigurableApplicationContext instance(int id, String group, Path store) {
		return new SpringApplicationBuilder(NotificationServiceApplication.class, OwnNettyResources.class).run(
				"--server.port=0", "--hub.instance-id=" + id, "--hub.store.path=" + store,
				"--spring.kafka.consumer.group-id=" + group,
				"--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
				"--" + TestTokens.JWKS_URI_PROPERTY + "=" + TestTokens.shared().jwksUri(),
				"--hub.notifications.stream.ticket-secret=the secret both instances of this test share",
				"--hub.events.listener.retries=1", "--hub.events.listener.retry-interval=100ms",
				"--logging.level.org.apache.kafka=WARN", "--logging.level.kafka=WARN",
				"--management.tracing.export.enabled=false");
	}

	/**
	 * Event loops of the instance's own: closing an instance must not close the JVM's
	 * shared ones, under the other instance's server and the test's clients.
	 */
	static class OwnNettyResources {

		@Bean
		ReactorResourceFactory reactorServerResourceFactory() {
			ReactorResourceFactory resources = new ReactorResourceFactory();
			resources.setUseGlobalResources(false);
			return resources;
		}

	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	private static WebTestClient web(ConfigurableApplicationContext instance) {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port(instance))
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	private static Map<String, String> auth(String userId) {
		return Map.of("Authorization", TestTokens.shared().bearer(userId, ServiceTestSupport.READ));
	}

	/**
	 * Reminds the user of a new calendar event as scheduler-service announces it (a
	 * reminder makes a notification and no feed entry, which other tests' feeds would
	 * see).
	 */
	private static void remind(String userId, String title) {
		remind(List.of(userId), title);
	}

	private static void remind(List<String> userIds, String title) {
		String eventId = "event-" + UUID.randomUUID();
		Instant now = Instant.now();
		EventEnvelope due = new EventEnvelope(UUID.randomUUID().toString(), "scheduler.reminder.due", 1, now, eventId,
				null,
				JSON.valueToTree(Map.of("eventId", eventId, "occurrenceStart", now.plusSeconds(900).toString(), "title",
						title, "dueAt", now.toString(), "firedAt", now.toString(), "late", false, "recipients",
						userIds)));
		TopicWriter.shared().send(Topics.REMINDER, eventId, JSON.writeValueAsString(due));
	}

	private static JsonNode list(ConfigurableApplicationContext instance, String userId) {
		return JSON.readTree(web(instance).get()
			.uri("/api/notifications")
			.header("Authorization", auth(userId).get("Authorization"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	@Test
	@Order(1)
	void aTicketIssuedByOneInstanceOpensTheStreamOnTheOtherOnce() {
		String user = "u" + UUID.randomUUID().toString().replace("-", "");
		String ticket = JSON
			.readTree(web(first).post()
				.uri("/api/notifications/stream-ticket")
				.header("Authorization", auth(user).get("Authorization"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody())
			.get("ticket")
			.asString();
		try (SseClient stream = SseClient.connect(port(second), STREAM + "?ticket=" + ticket, Map.of())) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.connected()).isTrue();
		}
		try (SseClient again = SseClient.open(port(second), STREAM + "?ticket=" + ticket, Map.of())) {
			await().atMost(Duration.ofSeconds(10)).until(again::ended);
			assertThat(again.status()).isEqualTo(401);
		}
	}

	@Test
	@Order(2)
	void aNotificationReadOnOneInstanceIsReadOnTheOther() {
		String user = "u" + UUID.randomUUID().toString().replace("-", "");
		remind(user, "Read me");
		JsonNode onFirst = onlyNotificationAlikeOnBoth(user);
		assertThat(onFirst.get("readAt").isNull()).isTrue();

		web(first).post()
			.uri("/api/notifications/{id}/read", onFirst.get("id").asString())
			.header("Authorization", auth(user).get("Authorization"))
			.exchange()
			.expectStatus()
			.isOk();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !list(second, user).get("items").get(0).get("readAt").isNull());
		assertThat(list(second, user).get("items").get(0).get("readAt").asString())
			.isEqualTo(list(first, user).get("items").get(0).get("readAt").asString());
		web(second).get()
			.uri("/api/notifications/unread-count")
			.header("Authorization", auth(user).get("Authorization"))
			.exchange()
			.expectBody()
			.jsonPath("$.count")
			.isEqualTo(0);
	}

	@Test
	@Order(2)
	void aReminderForManyIsNumberedAlikeOnBothInstancesThoughEachAnnouncedIt() {
		List<String> users = IntStream.range(0, 40)
			.mapToObj((i) -> "u" + UUID.randomUUID().toString().replace("-", ""))
			.toList();
		remind(users, "All hands");
		users.forEach(TwoInstancesTests::onlyNotificationAlikeOnBoth);
	}

	/**
	 * Waits for the user's one notification on both instances; it has the same id and
	 * number on each.
	 * @return it, as the first instance lists it
	 */
	private static JsonNode onlyNotificationAlikeOnBoth(String user) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> list(first, user).get("items").size() == 1 && list(second, user).get("items").size() == 1);
		JsonNode onFirst = list(first, user).get("items").get(0);
		JsonNode onSecond = list(second, user).get("items").get(0);
		assertThat(onSecond.get("id").asString()).isEqualTo(onFirst.get("id").asString());
		assertThat(onSecond.get("seq").asLong()).isEqualTo(onFirst.get("seq").asLong()).isPositive();
		assertThat(onSecond.get("readAt")).isEqualTo(onFirst.get("readAt"));
		return onFirst;
	}

	@Test
	@Order(3)
	void eachInstanceStreamsEachNotificationOnceAndAClientResumesOnTheOtherWhenItsInstanceStops() {
		String user = "u" + UUID.randomUUID().toString().replace("-", "");
		long started = System.nanoTime();
		List<SseClient.Event> onFirst = new ArrayList<>();
		List<SseClient.Event> resumed;
		try (SseClient a = SseClient.connect(port(first), STREAM, auth(user));
				SseClient b = SseClient.connect(port(second), STREAM, auth(user))) {
			for (int i = 0; i < REMINDERS / 2; i++) {
				remind(user, "Meeting " + i);
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> a.notifications().size() >= REMINDERS / 4);
			// the first instance goes away mid-run (its context closed: its streams end)
			first.close();
			first = null;
			await().atMost(Duration.ofSeconds(30)).until(a::ended);
			onFirst.addAll(a.notifications());
			String lastEventId = onFirst.get(onFirst.size() - 1).id();
			try (SseClient c = SseClient.connect(port(second), STREAM,
					Map.of("Authorization", auth(user).get("Authorization"), "Last-Event-ID", lastEventId))) {
				for (int i = REMINDERS / 2; i < REMINDERS; i++) {
					remind(user, "Meeting " + i);
				}
				await().atMost(Duration.ofSeconds(60))
					.until(() -> b.notifications().size() >= REMINDERS && !c.ids().isEmpty()
							&& c.ids().get(c.ids().size() - 1).equals(b.ids().get(b.ids().size() - 1)));
				resumed = c.notifications();
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf(
					"%d notifications to one stream on each of two instances, one of them stopped "
							+ "half-way: %.1f s (%.0f notifications/s delivered)%n",
					REMINDERS, seconds, (REMINDERS + onFirst.size() + resumed.size()) / seconds);

			// the second instance's stream: every notification once, numbered upwards
			List<Long> all = b.ids();
			assertThat(all).hasSize(REMINDERS).isSorted().doesNotHaveDuplicates();
			assertThat(titles(b.notifications())).hasSize(REMINDERS);
			// the client of the first: what it had, then the rest from the second, no
			// gap, nothing twice, and each id names the same notification on both
			List<SseClient.Event> client = new ArrayList<>(onFirst);
			client.addAll(resumed);
			assertThat(client).extracting((e) -> Long.parseLong(e.id())).isEqualTo(all);
			assertThat(ids(client)).isEqualTo(ids(b.notifications()));
			streamed = b.notifications();
			streamedTo = user;
		}
	}

	@Test
	@Order(4)
	void anInstanceStartedLaterOnAnEmptyStoreNumbersEveryNotificationAsTheOthers() throws Exception {
		assertThat(streamed).as("the notifications of the test before").hasSize(REMINDERS);
		// the user's first 150 announcements expire from the inbox topic, as retention
		// removes old records (the last 50 were announced by the second instance alone)
		int kept = 50;
		List<SseClient.Event> remaining = streamed.subList(REMINDERS - kept, REMINDERS);
		long cut = Long.parseLong(remaining.get(0).id()) - 1;
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
			int partitions = admin.describeTopics(List.of(Topics.NOTIFICATION_INBOX))
				.allTopicNames()
				.get()
				.get(Topics.NOTIFICATION_INBOX)
				.partitions()
				.size();
			int partition = Utils.toPositive(Utils.murmur2(streamedTo.getBytes(StandardCharsets.UTF_8))) % partitions;
			admin
				.deleteRecords(Map.of(new TopicPartition(Topics.NOTIFICATION_INBOX, partition),
						RecordsToDelete.beforeOffset(cut)))
				.all()
				.get();
		}
		// a new pod of a Deployment: its own group, an empty store, the same broker
		ConfigurableApplicationContext third = instance(3, "notification-service-later-" + UUID.randomUUID(),
				data.resolve("c"));
		try (SseClient from0 = SseClient.connect(port(third), STREAM,
				Map.of("Authorization", auth(streamedTo).get("Authorization"), "Last-Event-ID", "0"))) {
			await().atMost(Duration.ofSeconds(60)).until(() -> from0.notifications().size() >= kept);
			// what the topic still holds, under the numbers the other instances gave it
			// (numbered by count from the earliest record, they would be 1..50 here)
			List<SseClient.Event> first = from0.notifications().subList(0, kept);
			assertThat(first).extracting(SseClient.Event::id)
				.isEqualTo(remaining.stream().map(SseClient.Event::id).toList());
			assertThat(ids(first)).isEqualTo(ids(remaining));
		}
		finally {
			third.close();
		}
	}

	private static Set<String> titles(List<SseClient.Event> events) {
		Set<String> titles = new HashSet<>();
		events.forEach((e) -> titles.add(JSON.readTree(e.data()).get("title").asString()));
		return titles;
	}

	private static List<String> ids(List<SseClient.Event> events) {
		return events.stream().map((e) -> JSON.readTree(e.data()).get("id").asString()).toList();
	}

}
