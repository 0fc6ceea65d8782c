package hub.ameen.platform.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link LocalKafka} against the real broker it starts.
 *
 * @author Ameen Hub
 */
class LocalKafkaTests {

	@TempDir
	Path dir;

	@Test
	void producedRecordIsConsumedFromTheBroker() throws Exception {
		try (LocalKafka kafka = LocalKafka.startOnFreePorts(this.dir)) {
			createTopic(kafka, "hub.test.roundtrip.v1");
			send(kafka, "hub.test.roundtrip.v1", "contact-1", "created");

			List<ConsumerRecord<String, String>> records = consumeAll(kafka, "hub.test.roundtrip.v1", 1);

			assertThat(records).singleElement().satisfies((record) -> {
				assertThat(record.key()).isEqualTo("contact-1");
				assertThat(record.value()).isEqualTo("created");
			});
			assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + kafka.port());
		}
	}

	@Test
	void recordsSurviveARestartOnTheSameDirectory() throws Exception {
		int port;
		int controllerPort;
		String clusterId;
		try (LocalKafka kafka = LocalKafka.startOnFreePorts(this.dir)) {
			port = kafka.port();
			controllerPort = kafka.controllerPort();
			clusterId = clusterId(kafka);
			createTopic(kafka, "hub.test.durable.v1");
			send(kafka, "hub.test.durable.v1", "task-1", "before restart");
		}
		String metaProperties = Files.readString(this.dir.resolve("meta.properties"));

		try (LocalKafka kafka = LocalKafka.start(this.dir, port, controllerPort)) {
			send(kafka, "hub.test.durable.v1", "task-1", "after restart");

			List<ConsumerRecord<String, String>> records = consumeAll(kafka, "hub.test.durable.v1", 2);

			assertThat(records).extracting(ConsumerRecord::value).containsExactly("before restart", "after restart");
			assertThat(clusterId(kafka)).isEqualTo(clusterId);
		}
		assertThat(Files.readString(this.dir.resolve("meta.properties"))).isEqualTo(metaProperties);
	}

	private static String clusterId(LocalKafka kafka) throws Exception {
		try (Admin admin = admin(kafka)) {
			return admin.describeCluster().clusterId().get();
		}
	}

	private static void createTopic(LocalKafka kafka, String topic) throws Exception {
		try (Admin admin = admin(kafka)) {
			admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get();
		}
	}

	private static Admin admin(LocalKafka kafka) {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
	}

	private static void send(LocalKafka kafka, String topic, String key, String value) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
	}

	private static List<ConsumerRecord<String, String>> consumeAll(LocalKafka kafka, String topic, int expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "local-kafka-tests", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> addAll(records, consumer.poll(Duration.ofMillis(200))) >= expected);
		}
		return records;
	}

	private static int addAll(List<ConsumerRecord<String, String>> records,
			Iterable<ConsumerRecord<String, String>> polled) {
		polled.forEach(records::add);
		return records.size();
	}

}
