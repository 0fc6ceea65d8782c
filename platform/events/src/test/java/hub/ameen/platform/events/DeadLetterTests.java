package hub.ameen.platform.events;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.platform.test.kafka.TopicReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison messages — bytes that are not an envelope, and an event whose handler always
 * fails — end on the topic's dead-letter topic after bounded retries, and the listener
 * goes on with the next record; also a batch listener's
 * ({@link EventHandlers#handleBatch}), which sends only the poison to the dead-letter
 * topic and applies the rest of its batch.
 */
class DeadLetterTests {

	static final JsonMapper mapper = JsonMapper.shared();

	static final String suffix = UUID.randomUUID().toString().substring(0, 8);

	static final String POISON_TOPIC = Topics.name("test", "poison-" + suffix, 1);

	static final String FAILING_TOPIC = Topics.name("test", "failing-" + suffix, 1);

	static final String BATCH_POISON_TOPIC = Topics.name("test", "batch-poison-" + suffix, 1);

	static final String BATCH_FAILING_TOPIC = Topics.name("test", "batch-failing-" + suffix, 1);

	static Path dir;

	static ConfigurableApplicationContext context;

	static Handler handler;

	static BatchHandler batchHandler;

	static KafkaProducer<String, byte[]> producer;

	@BeforeAll
	static void start() throws Exception {
		dir = Files.createTempDirectory("dead-letter-tests");
		context = new SpringApplicationBuilder(HandlerApp.class).web(WebApplicationType.NONE)
			.properties("spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
					"spring.application.name=dead-letter-tests-" + suffix, "hub.store.path=" + dir.resolve("store"),
					"test.poison-topic=" + POISON_TOPIC, "test.failing-topic=" + FAILING_TOPIC,
					"test.batch-poison-topic=" + BATCH_POISON_TOPIC, "test.batch-failing-topic=" + BATCH_FAILING_TOPIC,
					"hub.events.listener.retry-interval=100ms")
			.run();
		handler = context.getBean(Handler.class);
		batchHandler = context.getBean(BatchHandler.class);
		producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer());
	}

	@AfterAll
	static void stop() throws Exception {
		producer.close();
		context.close();
		FileSystemUtils.deleteRecursively(dir);
	}

	@Test
	void recordsThatAreNotEnvelopesGoToTheDeadLetterTopicAndTheNextIsProcessed() throws Exception {
		byte[] notJson = "this is not JSON".getBytes(StandardCharsets.UTF_8);
		byte[] notAnEnvelope = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);
		EventEnvelope good = event("test.fine", "k1");

		send(POISON_TOPIC, "k1", notJson);
		send(POISON_TOPIC, "k1", notAnEnvelope);
		send(POISON_TOPIC, "k1", mapper.writeValueAsBytes(good));

		await().until(() -> handler.handled.contains(good));
		try (TopicReader deadLetters = new TopicReader(Topics.deadLetter(POISON_TOPIC))) {
			List<ConsumerRecord<String, byte[]>> records = deadLetters.awaitCount(2);
			assertThat(records).extracting(ConsumerRecord::value).containsExactly(notJson, notAnEnvelope);
			assertThat(records).allSatisfy((record) -> {
				assertThat(record.key()).isEqualTo("k1");
				assertThat(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(POISON_TOPIC);
				assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_FQCN)).endsWith("DeserializationException");
			});
		}
	}

	@Test
	void eventWhoseHandlerAlwaysFailsGoesToTheDeadLetterTopicAfterThreeTries() throws Exception {
		EventEnvelope failing = event("test.always-fails", "k2");
		EventEnvelope good = event("test.fine", "k2");

		send(FAILING_TOPIC, "k2", mapper.writeValueAsBytes(failing));
		send(FAILING_TOPIC, "k2", mapper.writeValueAsBytes(good));

		await().until(() -> handler.handled.contains(good));
		try (TopicReader deadLetters = new TopicReader(Topics.deadLetter(FAILING_TOPIC))) {
			ConsumerRecord<String, byte[]> record = deadLetters.awaitCount(1).get(0);
			assertThat(mapper.readValue(record.value(), EventEnvelope.class)).isEqualTo(failing);
			assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("cannot handle");
		}
		assertThat(handler.failingAttempts.get()).isEqualTo(3);
		assertThat(context.getBean(SimpleMeterRegistry.class)
			.get("hub.events.dead.lettered")
			.tag("topic", FAILING_TOPIC)
			.counter()
			.count()).isEqualTo(1);
		Inbox inbox = context.getBean(Inbox.class);
		assertThat(inbox.isProcessed(failing.id())).isFalse();
		assertThat(inbox.isProcessed(good.id())).isTrue();
	}

	@Test
	void aBatchListenerSendsOnlyTheRecordsItCannotReadToTheDeadLetterTopic() throws Exception {
		byte[] notJson = "this is not JSON".getBytes(StandardCharsets.UTF_8);
		EventEnvelope first = event("test.fine", "k3");
		EventEnvelope unreadablePayload = EventEnvelope.of("test.counted", 1, "k3", "u1", Map.of("count", "many"),
				mapper);
		EventEnvelope second = event("test.fine", "k3");
		EventEnvelope counted = EventEnvelope.of("test.counted", 1, "k3", "u1", Map.of("count", 3), mapper);

		send(BATCH_POISON_TOPIC, "k3", mapper.writeValueAsBytes(first));
		send(BATCH_POISON_TOPIC, "k3", notJson);
		send(BATCH_POISON_TOPIC, "k3", mapper.writeValueAsBytes(unreadablePayload));
		send(BATCH_POISON_TOPIC, "k3", mapper.writeValueAsBytes(second));
		send(BATCH_POISON_TOPIC, "k3", mapper.writeValueAsBytes(counted));

		await().until(() -> batchHandler.handled.contains(counted));
		try (TopicReader deadLetters = new TopicReader(Topics.deadLetter(BATCH_POISON_TOPIC))) {
			List<ConsumerRecord<String, byte[]>> records = deadLetters.awaitCount(2);
			assertThat(records).extracting(ConsumerRecord::value)
				.containsExactly(notJson, mapper.writeValueAsBytes(unreadablePayload));
			assertThat(header(records.get(0), KafkaHeaders.DLT_EXCEPTION_FQCN)).endsWith("DeserializationException");
		}
		// each applied once, whatever was delivered again after a record it could not
		// read
		assertThat(batchHandler.handled).filteredOn((event) -> event.key().equals("k3"))
			.containsExactly(first, second, counted);
	}

	@Test
	void aBatchListenerSendsAnEventWhoseHandlerAlwaysFailsToTheDeadLetterTopicAfterThreeTries() throws Exception {
		EventEnvelope before = event("test.fine", "k4");
		EventEnvelope failing = event("test.always-fails", "k4");
		EventEnvelope after = event("test.fine", "k4");

		send(BATCH_FAILING_TOPIC, "k4", mapper.writeValueAsBytes(before));
		send(BATCH_FAILING_TOPIC, "k4", mapper.writeValueAsBytes(failing));
		send(BATCH_FAILING_TOPIC, "k4", mapper.writeValueAsBytes(after));

		try (TopicReader deadLetters = new TopicReader(Topics.deadLetter(BATCH_FAILING_TOPIC))) {
			ConsumerRecord<String, byte[]> record = deadLetters.awaitCount(1).get(0);
			assertThat(mapper.readValue(record.value(), EventEnvelope.class)).isEqualTo(failing);
			assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("cannot handle");
		}
		await().until(() -> batchHandler.handled.contains(after));
		assertThat(batchHandler.handled).filteredOn((event) -> event.key().equals("k4")).containsExactly(before, after);
		assertThat(batchHandler.failingAttempts.get()).isEqualTo(3);
		Inbox inbox = context.getBean(Inbox.class);
		assertThat(inbox.isProcessed(failing.id())).isFalse();
		assertThat(inbox.isProcessed(after.id())).isTrue();
		assertThat(context.getBean(SimpleMeterRegistry.class)
			.get("hub.events.dead.lettered")
			.tag("topic", BATCH_FAILING_TOPIC)
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void topicsAndTheirDeadLetterTopicsAreDeclaredWithThreePartitions() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
			Map<String, TopicDescription> topics = admin
				.describeTopics(List.of(POISON_TOPIC, Topics.deadLetter(POISON_TOPIC), FAILING_TOPIC,
						Topics.deadLetter(FAILING_TOPIC)))
				.allTopicNames()
				.get();
			assertThat(topics).hasSize(4)
				.allSatisfy((name, description) -> assertThat(description.partitions()).hasSize(3));
		}
	}

	private static void send(String topic, String key, byte[] value) throws Exception {
		producer.send(new ProducerRecord<>(topic, key, value)).get();
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static EventEnvelope event(String type, String key) {
		return EventEnvelope.of(type, 1, key, "u1", Map.of("note", type), mapper);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class HandlerApp {

		@Bean
		KafkaAdmin.NewTopics testTopics(@Value("${test.poison-topic}") String poison,
				@Value("${test.failing-topic}") String failing, @Value("${test.batch-poison-topic}") String batchPoison,
				@Value("${test.batch-failing-topic}") String batchFailing) {
			return Topics.declare(poison, failing, batchPoison, batchFailing);
		}

		@Bean
		BatchHandler batchHandler(Inbox inbox) {
			return new BatchHandler(inbox);
		}

		@Bean
		Handler handler(Inbox inbox) {
			return new Handler(inbox);
		}

		@Bean
		SimpleMeterRegistry meters() {
			return new SimpleMeterRegistry();
		}

	}

	/** Handles every event through the inbox; the handler of one type always throws. */
	static class Handler {

		final List<EventEnvelope> handled = new CopyOnWriteArrayList<>();

		final AtomicInteger failingAttempts = new AtomicInteger();

		private final Inbox inbox;

		Handler(Inbox inbox) {
			this.inbox = inbox;
		}

		@KafkaListener(topics = { "${test.poison-topic}", "${test.failing-topic}" })
		void on(EventEnvelope event) {
			this.inbox.process(event, (txn, e) -> {
				if (e.type().equals("test.always-fails")) {
					this.failingAttempts.incrementAndGet();
					throw new IllegalStateException("cannot handle " + e.id());
				}
			});
			this.handled.add(event);
		}

	}

	/**
	 * Reads a batch at a time through {@link EventHandlers#handleBatch}; the handler of
	 * one type always throws, another reads its payload into a record with a number.
	 */
	static class BatchHandler {

		final List<EventEnvelope> handled = new CopyOnWriteArrayList<>();

		final AtomicInteger failingAttempts = new AtomicInteger();

		private final EventHandlers handlers;

		BatchHandler(Inbox inbox) {
			this.handlers = EventHandlers.through(inbox, mapper)
				.on("test.fine", Map.class, (txn, event, payload) -> txn.afterCommit(() -> this.handled.add(event)))
				.on("test.counted", Counted.class,
						(txn, event, payload) -> txn.afterCommit(() -> this.handled.add(event)))
				.on("test.always-fails", Map.class, (txn, event, payload) -> {
					this.failingAttempts.incrementAndGet();
					throw new IllegalStateException("cannot handle " + event.id());
				});
		}

		@KafkaListener(topics = { "${test.batch-poison-topic}", "${test.batch-failing-topic}" }, batch = "true")
		void on(List<ConsumerRecord<String, EventEnvelope>> records) {
			this.handlers.handleBatch(records);
		}

	}

	/** A payload with a number in it. */
	record Counted(int count) {
	}

}
