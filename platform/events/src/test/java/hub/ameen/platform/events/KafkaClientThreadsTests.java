package hub.ameen.platform.events;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.platform.test.kafka.TopicReader;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.TaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service's Kafka consumers share one thread for their chores, and still have their
 * metrics: three listeners against a real broker start no thread per consumer beyond
 * Kafka's own (the poll loop and the heartbeat).
 */
class KafkaClientThreadsTests {

	/** Names of the threads spring-kafka and Micrometer start per consumer by default. */
	private static final List<String> PER_CONSUMER = List.of("ThreadPoolTaskScheduler-", "micrometer-kafka-metrics");

	@TempDir
	Path dir;

	final String topic = TopicReader.uniqueTopic("chores");

	@Test
	void threeConsumersShareOneChoresThreadAndKeepTheirMetrics() {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		try (ConfigurableApplicationContext context = start()) {
			KafkaListenerEndpointRegistry listeners = context.getBean(KafkaListenerEndpointRegistry.class);
			List<MessageListenerContainer> containers = List.copyOf(listeners.getListenerContainers());
			assertThat(containers).hasSize(3);
			await().until(() -> containers.stream()
				.allMatch((container) -> container.getAssignedPartitions() != null
						&& !container.getAssignedPartitions().isEmpty()));

			TaskScheduler shared = context.getBean(KafkaClientThreads.class).scheduler();
			assertThat(containers).allSatisfy(
					(container) -> assertThat(container.getContainerProperties().getScheduler()).isSameAs(shared));
			assertThat(context.getBean(DefaultKafkaConsumerFactory.class).getListeners())
				.as("Spring Boot's metrics listener, rebound rather than added to")
				.singleElement()
				.isInstanceOf(MicrometerConsumerListener.class);

			// each consumer's meters are bound, tagged with its client id
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			await().until(() -> consumerClientIds(meters).size() == 3);

			// the containers' monitors and the metrics binders are scheduled by
			// now, all on the one thread
			List<String> started = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((thread) -> !before.contains(thread))
				.map(Thread::getName)
				.toList();
			assertThat(started).noneMatch((name) -> PER_CONSUMER.stream().anyMatch(name::startsWith));
			assertThat(started.stream().filter((name) -> name.startsWith(KafkaClientThreads.THREAD_NAME_PREFIX)))
				.hasSize(1);
		}
	}

	private static Set<String> consumerClientIds(MeterRegistry meters) {
		return meters.getMeters()
			.stream()
			.map(Meter::getId)
			.filter((id) -> id.getName().startsWith("kafka.consumer."))
			.map((id) -> id.getTag("client.id"))
			.filter((clientId) -> clientId != null)
			.collect(Collectors.toSet());
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(ChoresApp.class).web(WebApplicationType.NONE)
			.properties("spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
					"spring.application.name=chores-" + UUID.randomUUID(), "hub.store.path=" + this.dir,
					"test.topic=" + this.topic)
			.run();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ChoresApp {

		@Bean
		KafkaAdmin.NewTopics choresTopics(@Value("${test.topic}") String topic) {
			return Topics.declare(1, topic + "-a", topic + "-b", topic + "-c");
		}

		@Bean
		Listeners listeners() {
			return new Listeners();
		}

	}

	static class Listeners {

		@KafkaListener(topics = "${test.topic}-a")
		void a(EventEnvelope event) {
		}

		@KafkaListener(topics = "${test.topic}-b")
		void b(EventEnvelope event) {
		}

		@KafkaListener(topics = "${test.topic}-c")
		void c(EventEnvelope event) {
		}

	}

}
