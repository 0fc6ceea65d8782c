package hub.ameen.scheduler.clock;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.test.ListenPorts;
import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.platform.test.kafka.TopicReader;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.scheduler.SchedulerServiceApplication;
import hub.ameen.scheduler.SchedulerTestSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two scheduler instances, each with its own store, on the shared broker: this test's
 * service (instance 1) and a second one in a child JVM (instance 2). They split the timer
 * partitions between them; 500 task deadlines (read by both from the task topic) and
 * calendar reminders created on either instance fire once each; when the second is killed
 * ({@code kill -9}), the first takes its partitions over and fires what it had not fired,
 * marked late. Task deadlines make the volume because publishing them takes no time
 * (creating events over HTTP on this shared machine can take longer than the seconds
 * before they are due). Prints timers fired per second with one and with two instances,
 * and how many duplicate records the hand-overs produced.
 */
class TwoInstancesTests extends SchedulerTestSupport {

	private static final int ALONE = 100;

	private static final int EVENTS = 20;

	private static final int BURST = 250;

	private static final int SPREAD = 250;

	private static final Duration SPREAD_OVER = Duration.ofSeconds(12);

	private static final JsonMapper json = JsonMapper.shared();

	/** The types counted: one firing per key, with a deterministic id. */
	private static final Set<String> FIRED = Set.of("scheduler.task.overdue", "scheduler.reminder.due");

	@Autowired
	TimerClock clock;

	@Autowired
	LeaseProperties lease;

	private final String creator = "cluster-" + System.nanoTime();

	private TopicReader reminders;

	private TopicReader deadlines;

	private KafkaProducer<String, String> producer;

	private Process second;

	private Path secondStore;

	@BeforeEach
	void connect() {
		this.reminders = new TopicReader(Topics.REMINDER);
		this.deadlines = new TopicReader(Topics.TASK_DEADLINE);
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SharedKafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(),
				new StringSerializer());
	}

	@AfterEach
	void stopSecond() throws Exception {
		if (this.second != null && this.second.isAlive()) {
			this.second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		this.reminders.close();
		this.deadlines.close();
		this.producer.close();
		if (this.secondStore != null) {
			FileSystemUtils.deleteRecursively(this.secondStore);
		}
	}

	@Test
	void everyTimerFiresOnceAcrossTwoInstancesAndAKilledInstancesPartitionsAreTakenOver() throws Exception {
		assertThat(this.lease.enabled()).isTrue();
		// one instance: a burst of task deadlines, fired alone
		Instant aloneDue = inWholeSeconds(3);
		List<String> alone = publishTasks(ALONE, (i) -> aloneDue);
		Map<String, Long> firedAlone = awaitFired(this.deadlines, alone);
		double aloneRate = rate(firedAlone.values(), aloneDue);

		// a second instance joins: the partitions are split, none held twice
		int port = ListenPorts.next(0);
		this.second = startSecondInstance(port);
		WebTestClient other = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(PATIENCE)
			.build();
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> splitBetween(this.clock.status().partitions(), partitionsOf(other)));
		List<Integer> firstHolds = this.clock.status().partitions();
		List<Integer> secondHolds = partitionsOf(other);
		assertThat(new TreeSet<>(firstHolds)).doesNotContainAnyElementsOf(secondHolds);
		assertThat(firstHolds.size() + secondHolds.size()).isEqualTo(Topics.CLOCK_LEASE_PARTITIONS);

		// calendar events created on either instance, their reminders due after the kill
		Instant remindersFrom = inWholeSeconds(16);
		List<String> events = createAll(this.web, EVENTS / 2, (i) -> remindersFrom.plusMillis(500L * i));
		events.addAll(createAll(other, EVENTS / 2, (i) -> remindersFrom.plusMillis(500L * i)));

		// 500 task deadlines: half due at once, half spread over the following seconds;
		// each instance applies all 500 before they come due (else the rate measures
		// that)
		Instant burstDue = inWholeSeconds(5);
		Instant spreadFrom = burstDue.plusSeconds(4);
		List<String> burst = publishTasks(BURST, (i) -> burstDue);
		List<String> spread = publishTasks(SPREAD, (i) -> spreadFrom.plusMillis(SPREAD_OVER.toMillis() * i / SPREAD));
		Map<String, Long> firedTogether = awaitFired(this.deadlines, burst);
		double togetherRate = rate(firedTogether.values(), burstDue);
		long firedBySecond = firedOf(other);
		assertThat(firedBySecond).as("timers the second instance fired").isPositive();

		// kill -9 the second instance while the spread ones come due
		await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(spreadFrom.plusSeconds(1)));
		Instant killedAt = Instant.now();
		this.second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

		awaitFired(this.deadlines, spread);
		awaitFired(this.reminders, events);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.clock.status().partitions().size() == Topics.CLOCK_LEASE_PARTITIONS);

		// every timer fired exactly once, by event id, and the late ones say so
		List<String> tasks = new ArrayList<>(alone);
		tasks.addAll(burst);
		tasks.addAll(spread);
		Records overdue = records(this.deadlines, tasks);
		Records reminded = records(this.reminders, events);
		assertThat(overdue.idsByKey().keySet()).containsExactlyInAnyOrderElementsOf(tasks);
		assertThat(overdue.idsByKey().values()).allSatisfy((ids) -> assertThat(ids).hasSize(1));
		assertThat(reminded.idsByKey().keySet()).containsExactlyInAnyOrderElementsOf(events);
		assertThat(reminded.idsByKey().values()).allSatisfy((ids) -> assertThat(ids).hasSize(1));
		long lateAfterKill = 0;
		List<JsonNode> fired = new ArrayList<>(overdue.all());
		fired.addAll(reminded.all());
		for (JsonNode envelope : fired) {
			JsonNode payload = envelope.path("payload");
			Instant firedAt = Instant.parse(payload.path("firedAt").asString());
			Duration lag = Duration.between(Instant.parse(payload.path("dueAt").asString()), firedAt);
			boolean late = payload.path("late").asBoolean();
			assertThat(late).as("late flag of a timer fired %s after its due time", lag)
				.isEqualTo(lag.compareTo(Duration.ofSeconds(2)) > 0);
			if (late && firedAt.isAfter(killedAt)) {
				lateAfterKill++;
			}
		}
		assertThat(lateAfterKill).as("timers of the killed instance's partitions fired late by the survivor")
			.isPositive();
		// both instances firing the same partitions would duplicate hundreds of records
		long duplicates = overdue.duplicates() + reminded.duplicates();
		assertThat(duplicates).as("duplicate records").isLessThan(fired.size() / 20);

		System.out.printf("TwoInstancesTests: %d task deadlines and %d calendar reminders: %d records, "
				+ "%d distinct event ids, %d duplicate records; one instance fired %d due at once at %.0f/s (due to on the broker), "
				+ "two instances %d at %.0f/s (the second fired %d in all); after the kill -9, "
				+ "%d fired late by the survivor%n", tasks.size(), events.size(), fired.size(),
				overdue.distinctIds() + reminded.distinctIds(), duplicates, firedAlone.size(), aloneRate,
				firedTogether.size(), togetherRate, firedBySecond, lateAfterKill);
	}

	/**
	 * Publishes open tasks due at the given times, as tasks-service would; returns their
	 * ids.
	 */
	private List<String> publishTasks(int count, IntFunction<Instant> due) throws Exception {
		List<String> ids = new ArrayList<>();
		List<Future<RecordMetadata>> sent = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = "task-" + UUID.randomUUID();
			Map<String, Object> task = new HashMap<>();
			task.put("id", id);
			task.put("title", "Deadline " + i);
			task.put("assigneeId", this.creator);
			task.put("dueAt", due.apply(i).toString());
			task.put("status", "todo");
			EventEnvelope created = EventEnvelope.of("task.created", 1, id, this.creator, task);
			sent.add(this.producer.send(new ProducerRecord<>(Topics.TASK, id, json.writeValueAsString(created))));
			ids.add(id);
		}
		for (Future<RecordMetadata> send : sent) {
			send.get();
		}
		return ids;
	}

	/**
	 * Creates events whose one reminder (ten minutes before) is due at the given times.
	 */
	private List<String> createAll(WebTestClient client, int count, IntFunction<Instant> due) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> ids = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Instant start = due.apply(i).plus(Duration.ofMinutes(10));
				ids.add(pool.submit(() -> create(client, start)));
			}
			List<String> created = new ArrayList<>();
			for (Future<String> id : ids) {
				created.add(id.get());
			}
			return created;
		}
		finally {
			pool.shutdown();
		}
	}

	private String create(WebTestClient client, Instant start) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", "Standup");
		body.put("startsAt", start.toString());
		body.put("endsAt", start.plus(Duration.ofMinutes(15)).toString());
		body.put("timeZone", "UTC");
		body.put("reminders", List.of(Map.of("minutesBefore", 10)));
		return (String) client.post()
			.uri("/api/scheduler/events")
			.header(HttpHeaders.AUTHORIZATION, member(this.creator))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	/**
	 * Waits until each key's timer fired (a reminder, or a task's overdue); when the
	 * first record of each reached the broker (epoch milliseconds).
	 */
	private static Map<String, Long> awaitFired(TopicReader reader, List<String> keys) {
		Set<String> wanted = new HashSet<>(keys);
		Map<String, Long> fired = new HashMap<>();
		int[] read = { 0 };
		reader.awaitUntil((records) -> {
			for (ConsumerRecord<String, byte[]> record : records.subList(read[0], records.size())) {
				if (wanted.contains(record.key())) {
					JsonNode envelope = json.readTree(record.value());
					if (FIRED.contains(envelope.path("type").asString())) {
						fired.putIfAbsent(record.key(), record.timestamp());
					}
				}
			}
			read[0] = records.size();
			return fired.size() == wanted.size();
		});
		return fired;
	}

	private static Records records(TopicReader reader, List<String> keys) {
		Set<String> wanted = new HashSet<>(keys);
		List<JsonNode> all = new ArrayList<>();
		Map<String, Set<String>> idsByKey = new HashMap<>();
		for (ConsumerRecord<String, byte[]> record : reader.awaitUntil((records) -> true)) {
			if (wanted.contains(record.key())) {
				JsonNode envelope = json.readTree(record.value());
				if (FIRED.contains(envelope.path("type").asString())) {
					all.add(envelope);
					idsByKey.computeIfAbsent(record.key(), (key) -> new HashSet<>())
						.add(envelope.path("id").asString());
				}
			}
		}
		return new Records(all, idsByKey);
	}

	/**
	 * Timers fired per second, from their common due time until the last one reached the
	 * broker: firing, the outbox and its relay.
	 */
	private static double rate(Collection<Long> reachedBroker, Instant due) {
		long last = reachedBroker.stream().max(Long::compareTo).orElse(due.toEpochMilli());
		long millis = Math.max(1, last - due.toEpochMilli());
		return reachedBroker.size() * 1000.0 / millis;
	}

	private static boolean splitBetween(List<Integer> first, List<Integer> second) {
		if (first == null || second == null || first.isEmpty() || second.isEmpty()) {
			return false;
		}
		Set<Integer> union = new HashSet<>(first);
		union.addAll(second);
		return union.size() == first.size() + second.size() && union.size() == Topics.CLOCK_LEASE_PARTITIONS;
	}

	private List<Integer> partitionsOf(WebTestClient other) {
		try {
			JsonNode partitions = status(other).path("partitions");
			List<Integer> numbers = new ArrayList<>();
			partitions.forEach((node) -> numbers.add(node.asInt()));
			return numbers;
		}
		catch (RuntimeException ex) {
			// not up yet
			return null;
		}
	}

	private long firedOf(WebTestClient other) {
		return status(other).path("fired").asLong();
	}

	private JsonNode status(WebTestClient other) {
		byte[] body = other.get()
			.uri("/api/scheduler/service")
			.header(HttpHeaders.AUTHORIZATION, reader(this.creator))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return json.readTree(body);
	}

	/** The application in a JVM of its own, as instance 2, with a store of its own. */
	private Process startSecondInstance(int port) throws IOException {
		this.secondStore = Files.createTempDirectory("scheduler-instance-2-");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter((argument) -> argument.startsWith("--add-opens") || argument.startsWith("--add-exports")
					|| argument.startsWith("--enable-native-access"))
			.forEach(command::add);
		command.addAll(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				SchedulerServiceApplication.class.getName(), "--hub.instance-id=2", "--server.port=" + port,
				"--hub.store.path=" + this.secondStore.resolve("store"),
				"--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
				"--hub.security.jwks-uri=" + TestTokens.shared().jwksUri(), "--hub.scheduler.lease.session-timeout=6s",
				"--spring.main.banner-mode=off", "--logging.level.org.apache.kafka=WARN",
				"--logging.level.kafka=WARN"));
		// its log stays next to its store until the test ends
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.secondStore.resolve("instance-2.log").toFile())
			.start();
	}

	/** A free port in this test's range. */
	private static Instant inWholeSeconds(int seconds) {
		return Instant.now().plusSeconds(seconds + 1).truncatedTo(ChronoUnit.SECONDS);
	}

	/**
	 * The reminders read of some events: each envelope, and the distinct ids per event.
	 */
	private record Records(List<JsonNode> all, Map<String, Set<String>> idsByKey) {

		long distinctIds() {
			return this.idsByKey.values().stream().mapToLong(Set::size).sum();
		}

		long duplicates() {
			return this.all.size() - distinctIds();
		}

	}

}
