package hub.ameen.platform.test.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SharedKafka} against the broker it starts.
 *
 * @author Ameen Hub
 */
class SharedKafkaTests {

	@Test
	void everyCallReturnsTheSameRunningBroker() throws Exception {
		String bootstrapServers = SharedKafka.bootstrapServers();

		assertThat(SharedKafka.bootstrapServers()).isEqualTo(bootstrapServers);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			Collection<Node> nodes = admin.describeCluster().nodes().get();
			assertThat(nodes).singleElement()
				.satisfies((node) -> assertThat(node.host() + ":" + node.port()).isEqualTo(bootstrapServers));
		}
	}

	@Test
	void recordsRoundTripThroughTheSharedBroker() {
		Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SharedKafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 0);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>("hub.test.shared.v1", "k", "shared"));
		}

		assertThat(consume("hub.test.shared.v1")).containsExactly("shared");
	}

	@Test
	void theShippedLogbackFragmentQuietsKafka() {
		SharedKafka.bootstrapServers();

		assertThat(LoggerFactory.getLogger("kafka.server.BrokerServer").isInfoEnabled()).isFalse();
		assertThat(LoggerFactory.getLogger("org.apache.kafka.clients.NetworkClient").isInfoEnabled()).isFalse();
		assertThat(LoggerFactory.getLogger("state.change.logger").isInfoEnabled()).isFalse();
		assertThat(LoggerFactory.getLogger("kafka.server.BrokerServer").isWarnEnabled()).isTrue();
		assertThat(LoggerFactory.getLogger("hub.ameen").isInfoEnabled()).isTrue();
	}

	private static List<String> consume(String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "shared-kafka-tests", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		List<String> values = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> values.add(record.value()));
				return !values.isEmpty();
			});
		}
		return values;
	}

}
