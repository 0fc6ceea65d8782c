package hub.ameen.platform.test.kafka;

import java.time.Duration;
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

import static org.awaitility.Awaitility.await;

/**
 * Reads every partition of one topic of the shared broker from the beginning, without a
 * consumer group: what a test sees is what the broker holds.
 */
public final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

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
			this.consumer.poll(Duration.ofMillis(200)).forEach(this.records::add);
			return condition.test(this.records);
		});
		return List.copyOf(this.records);
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
