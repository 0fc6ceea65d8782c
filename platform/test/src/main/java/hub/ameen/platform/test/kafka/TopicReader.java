package hub.ameen.platform.test.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * Reads every partition of one topic of the shared broker from the beginning, without a
 * consumer group: what a test sees is what the broker holds. Records are raw, or, read as
 * event envelopes of one aggregate, {@link Received} with when each arrived:
 *
 * <pre>{@code
 * try (TopicReader reminders = new TopicReader(Topics.REMINDER)) {
 *     List<Received> fired = reminders.awaitKey(eventId, Duration.ofSeconds(10), (all) -> !all.isEmpty());
 * }
 * }</pre>
 */
public final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

	private final List<Arrival> arrivals = new ArrayList<>();

	public TopicReader(String topic) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = this.consumer.partitionsFor(topic)
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	/** A unique topic name for one test. */
	public static String uniqueTopic(String stream) {
		return "hub.test." + stream + "-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
	}

	/** Creates the topics on the shared broker. */
	public static void create(int partitions, String... topics) {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
			admin
				.createTopics(Arrays.stream(topics).map((topic) -> new NewTopic(topic, partitions, (short) 1)).toList())
				.all()
				.get();
		}
		catch (ExecutionException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Polls until at least this many records arrived; returns all of them. */
	public List<ConsumerRecord<String, byte[]>> awaitCount(int count) {
		return awaitUntil((all) -> all.size() >= count);
	}

	/** Polls until the records read so far satisfy the condition; returns all of them. */
	public List<ConsumerRecord<String, byte[]>> awaitUntil(Predicate<List<ConsumerRecord<String, byte[]>>> condition) {
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			poll(Duration.ofMillis(200));
			return condition.test(this.records);
		});
		return List.copyOf(this.records);
	}

	/**
	 * Polls until the events read so far of one aggregate (record key) satisfy the
	 * condition, failing after {@code atMost}; returns them in order.
	 */
	public List<Received> awaitKey(String key, Duration atMost, Predicate<List<Received>> condition) {
		await().atMost(atMost).pollInterval(Duration.ofMillis(20)).until(() -> {
			poll(Duration.ofMillis(50));
			return condition.test(ofKey(key));
		});
		return ofKey(key);
	}

	/** The events of one aggregate that arrived after polling for a while longer. */
	public List<Received> pollKey(String key, Duration during) {
		Instant end = Instant.now().plus(during);
		while (Instant.now().isBefore(end)) {
			poll(Duration.ofMillis(100));
		}
		return ofKey(key);
	}

	private void poll(Duration timeout) {
		Instant from = Instant.now();
		this.consumer.poll(timeout).forEach((record) -> {
			this.records.add(record);
			this.arrivals.add(new Arrival(record, Instant.now(), from));
		});
	}

	/** Read as envelopes only here: a raw reader may read records that are not. */
	private List<Received> ofKey(String key) {
		return this.arrivals.stream()
			.filter((arrival) -> key.equals(arrival.record().key()))
			.map((arrival) -> new Received(Event.of(arrival.record()), arrival.at(), arrival.polledFrom()))
			.toList();
	}

	/** A record and when the poll that returned it began and ended. */
	private record Arrival(ConsumerRecord<String, byte[]> record, Instant at, Instant polledFrom) {
	}

	@Override
	public void close() {
		this.consumer.close();
	}

	/**
	 * One event envelope read.
	 *
	 * @param event the envelope
	 * @param at when the poll that returned it ended
	 * @param polledFrom when that poll began (the event arrived at or before {@code at})
	 */
	public record Received(Event event, Instant at, Instant polledFrom) {

		public String type() {
			return this.event.type();
		}

		/** A payload field as text. */
		public String text(String field) {
			return this.event.payload().path(field).asString();
		}

	}

	/**
	 * The envelope's fields a test reads, as they travelled.
	 *
	 * @param id the event id
	 * @param type what happened
	 * @param key the record key
	 * @param actorId who caused it, or null
	 * @param occurredAt when it happened, as on the wire
	 * @param payload the data
	 */
	public record Event(String id, String type, String key, String actorId, String occurredAt, JsonNode payload) {

		static Event of(ConsumerRecord<String, byte[]> record) {
			JsonNode envelope = JsonMapper.shared().readTree(record.value());
			return new Event(envelope.path("id").asString(), envelope.path("type").asString(), record.key(),
					envelope.hasNonNull("actorId") ? envelope.get("actorId").asString() : null,
					envelope.path("occurredAt").asString(), envelope.path("payload"));
		}

	}

}
