package hub.ameen.platform.events;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;
import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.platform.test.kafka.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The outbox against real LMDB files and the shared Kafka broker: what commits is
 * published as written, in order, and only what commits; nothing leaves the outbox before
 * Kafka has it.
 */
class OutboxTests {

	record Account(String id, String owner) {
	}

	record Opened(String owner, int n) {
	}

	static final JsonMapper mapper = JsonMapper.shared();

	static final EventsProperties.RelaySettings FAST = new EventsProperties.RelaySettings(100, Duration.ofMillis(200),
			Duration.ofMillis(500));

	@TempDir
	Path dir;

	Store store;

	Outbox outbox;

	Collection<String, Account> accounts;

	final List<OutboxRelay> relays = new ArrayList<>();

	final List<EventsProducer> producers = new ArrayList<>();

	@BeforeEach
	void open() {
		openStore();
	}

	@AfterEach
	void close() {
		this.relays.forEach(OutboxRelay::stop);
		this.producers.forEach(EventsProducer::destroy);
		this.store.close();
	}

	@Test
	void eventWrittenWithTheStateChangeArrivesExactlyAsWritten() {
		String topic = TopicReader.uniqueTopic("accounts");
		TopicReader.create(1, topic);
		startRelay(SharedKafka.bootstrapServers());
		EventEnvelope opened = event("a1", 0);

		this.store.writeAndWait((txn) -> {
			this.accounts.put(txn, "a1", new Account("a1", "Ada"));
			this.outbox.append(txn, topic, opened);
			return null;
		});

		try (TopicReader reader = new TopicReader(topic)) {
			ConsumerRecord<String, byte[]> record = reader.awaitCount(1).get(0);
			assertThat(record.key()).isEqualTo("a1");
			assertThat(mapper.readValue(record.value(), EventEnvelope.class)).isEqualTo(opened);
			JsonNode json = mapper.readTree(record.value());
			assertThat(json.get("occurredAt").isString()).isTrue();
			assertThat(json.get("occurredAt").asString()).isEqualTo(opened.occurredAt().toString());
		}
		assertThat(this.accounts.get("a1")).contains(new Account("a1", "Ada"));
		await().untilAsserted(() -> assertThat(this.outbox.backlog()).isZero());
	}

	@Test
	void anEventCarriesTheTraceItWasWrittenInAsItsTraceparentHeader() {
		String topic = TopicReader.uniqueTopic("accounts");
		TopicReader.create(1, topic);
		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		this.outbox = new Outbox(this.store, () -> traceparent);
		startRelay(SharedKafka.bootstrapServers());
		append(topic, event("a1", 0));
		try (TopicReader reader = new TopicReader(topic)) {
			ConsumerRecord<String, byte[]> record = reader.awaitCount(1).get(0);
			assertThat(record.headers().lastHeader(OutboxRelay.TRACEPARENT).value())
				.asString(java.nio.charset.StandardCharsets.US_ASCII)
				.isEqualTo(traceparent);
		}
	}

	@Test
	void anEventWrittenOutsideATraceHasNoTraceparentHeader() {
		String topic = TopicReader.uniqueTopic("accounts");
		TopicReader.create(1, topic);
		startRelay(SharedKafka.bootstrapServers());
		append(topic, event("a1", 0));
		try (TopicReader reader = new TopicReader(topic)) {
			assertThat(reader.awaitCount(1).get(0).headers().lastHeader(OutboxRelay.TRACEPARENT)).isNull();
		}
	}

	@Test
	void eventOfATransactionThatFailsIsNeverPublished() {
		String topic = TopicReader.uniqueTopic("accounts");
		TopicReader.create(1, topic);
		startRelay(SharedKafka.bootstrapServers());
		EventEnvelope doomed = event("a1", 0);
		EventEnvelope marker = event("a2", 0);

		assertThatThrownBy(() -> this.store.writeAndWait((txn) -> {
			this.accounts.put(txn, "a1", new Account("a1", "Ada"));
			this.outbox.append(txn, topic, doomed);
			throw new IllegalStateException("rejected after the append");
		})).hasMessage("rejected after the append");
		append(topic, marker);

		try (TopicReader reader = new TopicReader(topic)) {
			List<ConsumerRecord<String, byte[]>> records = reader.awaitCount(1);
			// the relay publishes in append order, so the doomed event would have come
			// first
			assertThat(records).extracting((record) -> mapper.readValue(record.value(), EventEnvelope.class))
				.containsExactly(marker);
		}
		assertThat(this.accounts.get("a1")).isEmpty();
	}

	@Test
	void entriesStayInTheOutboxUntilKafkaAcknowledgesThemAcrossARestart() throws IOException {
		String topic = TopicReader.uniqueTopic("accounts");
		TopicReader.create(1, topic);
		OutboxRelay unreachable = startRelay("localhost:" + freePort());
		EventEnvelope first = event("a1", 0);
		append(topic, first);

		await().until(() -> unreachable.failures() >= 2);
		assertThat(this.outbox.backlog()).isEqualTo(1);
		assertThat(unreachable.published()).isZero();
		Duration waited = unreachable.oldestAge();
		assertThat(waited).isPositive();
		await().until(() -> unreachable.oldestAge().compareTo(waited) > 0);

		// the service restarts, now pointed at a broker that is up
		unreachable.stop();
		this.store.close();
		openStore();
		EventEnvelope second = event("a1", 1);
		append(topic, second);
		OutboxRelay reachable = startRelay(SharedKafka.bootstrapServers());

		try (TopicReader reader = new TopicReader(topic)) {
			assertThat(reader.awaitCount(2))
				.extracting((record) -> mapper.readValue(record.value(), EventEnvelope.class))
				.containsExactly(first, second);
		}
		await().untilAsserted(() -> assertThat(this.outbox.backlog()).isZero());
		assertThat(reachable.published()).isEqualTo(2);
		assertThat(reachable.oldestAge()).isZero();
	}

	@Test
	void eventsOfOneKeyArriveInTheOrderTheyWereWritten() {
		String topic = TopicReader.uniqueTopic("accounts");
		TopicReader.create(Topics.DEFAULT_PARTITIONS, topic);
		startRelay(SharedKafka.bootstrapServers());
		int keys = 5;
		int perKey = 200;
		// ten transactions of a hundred events each, published while later ones are
		// written
		for (int batch = 0; batch < 10; batch++) {
			int from = batch * 100;
			this.store.writeAndWait((txn) -> {
				for (int i = from; i < from + 100; i++) {
					this.outbox.append(txn, topic, event("k" + (i % keys), i / keys));
				}
				return null;
			});
		}

		try (TopicReader reader = new TopicReader(topic)) {
			List<ConsumerRecord<String, byte[]>> records = reader.awaitCount(keys * perKey);
			assertThat(records).hasSize(keys * perKey);
			Map<String, List<Integer>> byKey = records.stream()
				.collect(Collectors.groupingBy(ConsumerRecord::key, HashMap::new, Collectors.mapping(
						(record) -> mapper.readValue(record.value(), EventEnvelope.class).payloadAs(Opened.class).n(),
						Collectors.toList())));
			List<Integer> expected = IntStream.range(0, perKey).boxed().toList();
			assertThat(byKey).hasSize(keys).allSatisfy((key, ns) -> assertThat(ns).containsExactlyElementsOf(expected));
			assertThat(records.stream().map(ConsumerRecord::partition).distinct()).hasSizeGreaterThan(1);
		}
	}

	private void openStore() {
		this.store = Store.open(StoreOptions.at(this.dir.resolve("service")));
		this.outbox = new Outbox(this.store);
		this.accounts = this.store.collection("accounts", Codec.utf8(), Codec.json(mapper, Account.class));
	}

	private OutboxRelay startRelay(String bootstrapServers) {
		EventsProducer producer = new EventsProducer(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.MAX_BLOCK_MS_CONFIG, 300));
		OutboxRelay relay = new OutboxRelay(this.outbox, producer.template(), FAST);
		this.producers.add(producer);
		this.relays.add(relay);
		relay.start();
		return relay;
	}

	private void append(String topic, EventEnvelope event) {
		this.store.writeAndWait((txn) -> {
			this.outbox.append(txn, topic, event);
			return null;
		});
	}

	private static EventEnvelope event(String accountId, int n) {
		return EventEnvelope.of("account.opened", 1, accountId, "u1", new Opened("Ada", n), mapper);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
