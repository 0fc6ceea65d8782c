package hub.ameen.platform.events;

import java.nio.file.Path;
import java.time.Duration;

import hub.ameen.platform.store.config.StoreAutoConfiguration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the auto-configuration adds to a service with a store, and what it leaves alone.
 */
class EventsAutoConfigurationTests {

	@TempDir
	Path dir;

	ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(StoreAutoConfiguration.class, KafkaAutoConfiguration.class,
					EventsAutoConfiguration.class))
			.withPropertyValues("spring.kafka.bootstrap-servers=localhost:1", "spring.application.name=crm-service");
	}

	@Test
	void serviceWithAStoreGetsTheOutboxTheInboxAndReliableKafkaSettings() {
		runner().withPropertyValues("hub.store.path=" + this.dir).run((context) -> {
			assertThat(context).hasSingleBean(Outbox.class)
				.hasSingleBean(OutboxRelay.class)
				.hasSingleBean(Inbox.class)
				.hasSingleBean(DefaultErrorHandler.class)
				.hasSingleBean(KafkaTemplate.class);
			assertThat(context.getBean(EventsProducer.class).settings())
				.containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
				.containsEntry(ProducerConfig.ACKS_CONFIG, "all")
				.containsEntry(ProducerConfig.LINGER_MS_CONFIG, 1)
				.containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
			DefaultKafkaConsumerFactory<?, ?> consumers = context.getBean(DefaultKafkaConsumerFactory.class);
			assertThat(consumers.getConfigurationProperties())
				.containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "crm-service")
				.containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
				.containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
			assertThat(consumers.getValueDeserializer()).isInstanceOf(ErrorHandlingDeserializer.class);
			assertThat(context.getBean(OutboxRelay.class).isRunning()).isTrue();
			assertThat(context.getBean(Outbox.class).changelogs()).as("restores from the broker").isNotNull();
		});
	}

	@Test
	void anEmptyStoreCanBeKeptFromRestoringFromTheBroker() {
		runner().withPropertyValues("hub.store.path=" + this.dir, "hub.events.changelog.restore=false")
			.run((context) -> assertThat(context.getBean(Outbox.class).changelogs()).isNull());
	}

	@Test
	void explicitConsumerSettingsAndEventSettingsWin() {
		runner()
			.withPropertyValues("hub.store.path=" + this.dir, "spring.kafka.consumer.group-id=crm-projections",
					"spring.kafka.consumer.auto-offset-reset=latest",
					"spring.kafka.consumer.properties.session.timeout.ms=45000", "hub.events.inbox.retention=3d",
					"hub.events.relay.batch-size=50")
			.run((context) -> {
				assertThat(context.getBean(DefaultKafkaConsumerFactory.class).getConfigurationProperties())
					.containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "crm-projections")
					.containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest")
					.containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "45000");
				EventsProperties properties = context.getBean(EventsProperties.class);
				assertThat(properties.inbox().retention()).isEqualTo(Duration.ofDays(3));
				assertThat(properties.relay().batchSize()).isEqualTo(50);
				assertThat(properties.relay().pollInterval()).isEqualTo(Duration.ofSeconds(1));
				assertThat(properties.listener().retries()).isEqualTo(2);
			});
	}

	@Test
	void serviceWithoutAStoreGetsNoOutbox() {
		runner().run((context) -> assertThat(context).doesNotHaveBean(Outbox.class)
			.doesNotHaveBean(OutboxRelay.class)
			.doesNotHaveBean(Inbox.class));
	}

}
