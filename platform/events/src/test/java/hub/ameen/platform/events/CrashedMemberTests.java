package hub.ameen.platform.events;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import hub.ameen.platform.store.config.StoreAutoConfiguration;
import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.platform.test.kafka.TopicReader;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service killed and started again gets its partitions back once its dead self has left
 * the group: within the session timeout the services' consumers are given (10 s), not
 * Kafka's default (45 s). The dead member is a consumer closed without leaving its group,
 * as a process killed with {@code kill -9} never leaves it.
 */
class CrashedMemberTests {

	@TempDir
	Path dir;

	@Test
	void aRestartedMemberGetsThePartitionsOfItsDeadSelfWithinTheSessionTimeout() throws Exception {
		String topic = TopicReader.uniqueTopic("crashed-member");
		TopicReader.create(1, topic);
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(StoreAutoConfiguration.class, KafkaAutoConfiguration.class,
					EventsAutoConfiguration.class))
			.withPropertyValues("spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
					"spring.application.name=crashed-member-" + UUID.randomUUID(), "hub.store.path=" + this.dir)
			.run((context) -> {
				Map<String, Object> settings = new HashMap<>(
						context.getBean(DefaultKafkaConsumerFactory.class).getConfigurationProperties());
				KafkaConsumer<byte[], byte[]> dead = consumer(settings, topic);
				try {
					assertThat(awaitAssignment(dead, Duration.ofSeconds(30))).as("the first member's partition")
						.hasSize(1);
				}
				finally {
					dead.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.REMAIN_IN_GROUP));
				}
				long started = System.nanoTime();
				try (KafkaConsumer<byte[], byte[]> restarted = consumer(settings, topic)) {
					Set<TopicPartition> assigned = awaitAssignment(restarted, Duration.ofSeconds(60));
					Duration waited = Duration.ofNanos(System.nanoTime() - started);
					assertThat(assigned).as("the partition, once the dead member is gone").hasSize(1);
					// waited for the dead member at all: the crash left it in the group
					assertThat(waited).isGreaterThan(Duration.ofSeconds(4))
						// and no longer than its 10 s session (Kafka's default: 45 s)
						.isLessThan(Duration.ofSeconds(20));
				}
			});
	}

	private static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> settings, String topic) {
		Map<String, Object> config = new HashMap<>(settings);
		config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
		config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
		KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
		consumer.subscribe(List.of(topic));
		return consumer;
	}

	private static Set<TopicPartition> awaitAssignment(KafkaConsumer<byte[], byte[]> consumer, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
			consumer.poll(Duration.ofMillis(200));
		}
		return consumer.assignment();
	}

}
