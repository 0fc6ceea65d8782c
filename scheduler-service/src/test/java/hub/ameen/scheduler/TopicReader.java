package hub.ameen.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.test.kafka.SharedKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * Reads every partition of a topic on the shared broker from the beginning, without a
 * consumer group, noting when each event arrived.
 */
public final class TopicReader implements AutoCloseable {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final KafkaConsumer<String, String> consumer;

	private final List<Received> received = new ArrayList<>();

	public TopicReader(String topic) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new StringDeserializer());
		List<TopicPartition> partitions = this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	/** Polls until the events read so far, of one aggregate, satisfy the condition. */
	public List<Received> awaitKey(String key, Duration atMost, Predicate<List<Received>> condition) {
		await().atMost(atMost).pollInterval(Duration.ofMillis(20)).until(() -> {
			poll(Duration.ofMillis(50));
			return condition.test(ofKey(key));
		});
		return ofKey(key);
	}

	/** What arrived for one aggregate after polling for a while longer. */
	public List<Received> pollKey(String key, Duration during) {
		Instant end = Instant.now().plus(during);
		while (Instant.now().isBefore(end)) {
			poll(Duration.ofMillis(100));
		}
		return ofKey(key);
	}

	private void poll(Duration timeout) {
		Instant now = Instant.now();
		this.consumer.poll(timeout)
			.forEach((record) -> this.received
				.add(new Received(mapper.readValue(record.value(), EventEnvelope.class), Instant.now(), now)));
	}

	private List<Received> ofKey(String key) {
		return this.received.stream().filter((received) -> key.equals(received.event().key())).toList();
	}

	@Override
	public void close() {
		this.consumer.close();
	}

	/**
	 * One event read.
	 *
	 * @param event the envelope
	 * @param at when the poll that returned it ended
	 * @param polledFrom when that poll began (the event arrived at or before {@code at})
	 */
	public record Received(EventEnvelope event, Instant at, Instant polledFrom) {

		public String type() {
			return this.event.type();
		}

		public String text(String field) {
			return this.event.payload().path(field).asString();
		}

	}

}
