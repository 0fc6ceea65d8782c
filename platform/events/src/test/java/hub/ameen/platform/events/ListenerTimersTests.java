package hub.ameen.platform.events;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import hub.ameen.platform.store.Store;
import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.platform.test.kafka.TopicReader;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every listener is timed in Prometheus, a batch listener as well as the others, in
 * either order of their first records: a batch listener's own timer and the listener
 * observations' timers have different tag names, and Prometheus drops the second kind
 * registered under one name.
 */
class ListenerTimersTests {

	@TempDir
	Path dir;

	final String topic = TopicReader.uniqueTopic("timers");

	@Test
	void aBatchListenerFirstAndARecordListenerAfterAreBothTimed() {
		try (ConfigurableApplicationContext context = start()) {
			Listeners listeners = context.getBean(Listeners.class);
			// the batch listener's timer registers first: before the fix, the record
			// listener's observation timer was the one Prometheus refused
			publish(context, this.topic + "-batch", "first");
			await().until(() -> listeners.batches.contains("first"));
			publish(context, this.topic + "-record", "second");
			await().until(() -> listeners.records.contains("second"));

			PrometheusMeterRegistry prometheus = context.getBean(PrometheusMeterRegistry.class);
			await()
				.untilAsserted(() -> assertThat(prometheus.scrape()).as("the record listener's observation, by topic")
					.containsPattern("spring_kafka_listener_seconds_count\\{[^}]*messaging_source_name=\"" + this.topic
							+ "-record\"")
					.as("the batch listener's own timer, under its own name")
					.containsPattern("spring_kafka_listener_batch_seconds_count\\{[^}]*result=\"success\""));
		}
	}

	private static void publish(ConfigurableApplicationContext context, String topic, String text) {
		Outbox outbox = context.getBean(Outbox.class);
		EventEnvelope event = EventEnvelope.of("timers.said", 1, text, null, text, JsonMapper.shared());
		context.getBean(Store.class).writeAndWait((txn) -> {
			outbox.append(txn, topic, event);
			return null;
		});
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TimersApp.class).web(WebApplicationType.NONE)
			.properties("spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
					"spring.application.name=timers-" + UUID.randomUUID(), "hub.store.path=" + this.dir,
					"test.topic=" + this.topic, "hub.events.relay.poll-interval=200ms",
					"spring.kafka.listener.observation-enabled=true")
			.run();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TimersApp {

		@Bean
		KafkaAdmin.NewTopics timersTopics(@Value("${test.topic}") String topic) {
			return Topics.declare(1, topic + "-record", topic + "-batch");
		}

		@Bean
		Listeners listeners() {
			return new Listeners();
		}

	}

	static class Listeners {

		final List<String> records = new CopyOnWriteArrayList<>();

		final List<String> batches = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = "${test.topic}-record")
		void record(EventEnvelope event) {
			this.records.add(event.key());
		}

		@KafkaListener(topics = "${test.topic}-batch", batch = "true")
		void batch(List<ConsumerRecord<String, EventEnvelope>> events) {
			events.forEach((record) -> this.batches.add(record.value().key()));
		}

	}

}
