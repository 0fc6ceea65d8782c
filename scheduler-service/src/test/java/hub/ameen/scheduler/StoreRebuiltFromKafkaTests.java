package hub.ameen.scheduler;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.service.ServiceOnAStore;
import hub.ameen.platform.test.web.JsonCalls;
import hub.ameen.scheduler.clock.Timer;
import hub.ameen.scheduler.clock.TimerIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on the broker, started twice on the same store directory: the second
 * time the directory has been wiped, and the service restores calendar events from their
 * changelog before it serves, its participant index included, and gives a restored event
 * its reminder timer (timers are derived state: the housekeeping's sweep at start-up
 * plans them). Both starts are an instance of their own, without the lease (it fires
 * every partition, and the module's other tests' instance keeps its lease) and with no
 * listener running, so the events can only come back from the changelog, not from the
 * event topic.
 */
class StoreRebuiltFromKafkaTests {

	@TempDir
	Path dir;

	ServiceOnAStore service;

	@AfterEach
	void stop() {
		if (this.service != null) {
			this.service.close();
		}
	}

	@Test
	void aWipedStoreIsRestoredFromTheChangelogAndItsRemindersArePlannedAgain() throws Exception {
		String run = Long.toString(System.nanoTime(), 36);
		String owner = "rebuild-" + run;
		String token = TestTokens.shared().bearer(owner, Permissions.SCHEDULER_READ, Permissions.SCHEDULER_WRITE);
		Path store = this.dir.resolve("scheduler-service");
		this.service = ServiceOnAStore.start(SchedulerServiceApplication.class, store,
				"--hub.instance-id=rebuild-" + run, "--hub.scheduler.lease.enabled=false",
				"--spring.kafka.listener.auto-startup=false");
		WebTestClient client = this.service.client();
		Instant start = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		List<String> events = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			events.add(JsonCalls
				.create(client, "/api/scheduler/events", token,
						Map.of("title", "Rebuild " + i, "startsAt", start.plus(i, ChronoUnit.HOURS).toString(),
								"endsAt", start.plus(i, ChronoUnit.HOURS).plus(30, ChronoUnit.MINUTES).toString(),
								"timeZone", "UTC", "reminders", List.of(Map.of("minutesBefore", 10))))
				.get("id")
				.asString());
		}
		JsonCalls.change(client, "/api/scheduler/events/" + events.get(1), token, Map.of("title", "Rebuild renamed"));
		String deleted = events.remove(2);
		JsonCalls.remove(client, "/api/scheduler/events/" + deleted, token);
		Outbox outbox = this.service.bean(Outbox.class);
		await().atMost(Duration.ofSeconds(30)).until(() -> outbox.backlog() == 0);
		Duration restart = this.service.wipeAndRestart();
		client = this.service.client();
		System.out.printf("scheduler-service started on a wiped store, restored from Kafka, in %d ms%n",
				restart.toMillis());

		assertThat(get(client, token, "/api/scheduler/events/" + events.get(0)).get("title").asString())
			.isEqualTo("Rebuild 0");
		assertThat(get(client, token, "/api/scheduler/events/" + events.get(1)).get("title").asString())
			.isEqualTo("Rebuild renamed");
		client.get()
			.uri("/api/scheduler/events/" + deleted)
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange()
			.expectStatus()
			.isNotFound();
		// the participant index: the owner's events
		List<String> listed = new ArrayList<>();
		get(client, token, "/api/scheduler/events?limit=50").get("items")
			.forEach((item) -> listed.add(item.get("id").asString()));
		assertThat(listed).containsExactlyInAnyOrderElementsOf(events);
		// the timers: each restored event's reminder is planned again, ten minutes before
		// it starts
		Store restored = this.service.bean(Store.class);
		TimerIndex timers = this.service.bean(TimerIndex.class);
		for (int i = 0; i < events.size(); i++) {
			String id = events.get(i);
			Instant reminder = start.plus(i, ChronoUnit.HOURS).minus(10, ChronoUnit.MINUTES);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> restored.read((txn) -> timers.ofOwner(txn, id))
					.stream()
					.map(Timer::dueAt)
					.anyMatch(reminder::equals));
		}
		List<Timer> ofDeleted = restored.read((txn) -> timers.ofOwner(txn, deleted));
		assertThat(ofDeleted).isEmpty();
		assertThat(this.service.bean(Outbox.class).backlog()).as("a restore announces nothing").isZero();
	}

	private static JsonNode get(WebTestClient client, String token, String path) {
		return JsonCalls.read(client, path, token);
	}

}
