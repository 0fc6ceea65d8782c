package hub.ameen.platform.events;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.platform.test.kafka.TopicReader;
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
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer built on the {@link Inbox} applies an event once however often Kafka
 * delivers it, also after the consuming service restarts. Events travel through the
 * auto-configured outbox, relay and listener container.
 */
class RedeliveryTests {

	record Deposit(long amount) {
	}

	@TempDir
	Path dir;

	final String topic = TopicReader.uniqueTopic("ledger");

	final String service = "ledger-" + UUID.randomUUID();

	@Test
	void theSameEventDeliveredTwiceIsAppliedOnce() {
		try (ConfigurableApplicationContext context = start()) {
			Ledger ledger = context.getBean(Ledger.class);
			EventEnvelope deposit = deposit("acct-1", 10);
			EventEnvelope later = deposit("acct-1", 5);

			publish(context, deposit);
			publish(context, deposit);
			publish(context, later);

			await().until(() -> ledger.deliveries.size() == 3);
			assertThat(ledger.deliveries).containsExactly(deposit.id(), deposit.id(), later.id());
			assertThat(ledger.balance("acct-1")).isEqualTo(15);
			assertThat(context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers()).singleElement()
				.satisfies((container) -> assertThat(container.getGroupId()).isEqualTo(this.service));
		}
	}

	@Test
	void processedIdsSurviveARestartOfTheConsumer() {
		EventEnvelope deposit = deposit("acct-1", 10);
		try (ConfigurableApplicationContext context = start()) {
			Ledger ledger = context.getBean(Ledger.class);
			publish(context, deposit);
			await().until(() -> ledger.deliveries.size() == 1);
			assertThat(ledger.balance("acct-1")).isEqualTo(10);
		}

		// a new consumer group reads the topic from the start: the deposit comes again
		try (ConfigurableApplicationContext context = start("spring.kafka.consumer.group-id=" + this.service + "-2")) {
			Ledger ledger = context.getBean(Ledger.class);
			EventEnvelope later = deposit("acct-1", 5);
			publish(context, later);

			await().until(() -> ledger.deliveries.size() == 2);
			assertThat(ledger.deliveries).containsExactly(deposit.id(), later.id());
			assertThat(ledger.balance("acct-1")).isEqualTo(15);
		}
	}

	private ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(LedgerApp.class).web(WebApplicationType.NONE)
			.properties("spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
					"spring.application.name=" + this.service, "hub.store.path=" + this.dir.resolve("ledger"),
					"test.topic=" + this.topic, "hub.events.relay.poll-interval=200ms")
			.properties(properties)
			.run();
	}

	private static void publish(ConfigurableApplicationContext context, EventEnvelope event) {
		Outbox outbox = context.getBean(Outbox.class);
		context.getBean(Store.class).writeAndWait((txn) -> {
			outbox.append(txn, context.getEnvironment().getProperty("test.topic"), event);
			return null;
		});
	}

	private static EventEnvelope deposit(String account, long amount) {
		return EventEnvelope.of("ledger.deposited", 1, account, null, new Deposit(amount), JsonMapper.shared());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class LedgerApp {

		@Bean
		KafkaAdmin.NewTopics ledgerTopics(@Value("${test.topic}") String topic) {
			return Topics.declare(1, topic);
		}

		@Bean
		Ledger ledger(Store store, Inbox inbox) {
			return new Ledger(store, inbox);
		}

	}

	/** Adds deposits to balances; remembers every delivery it saw. */
	static class Ledger {

		final List<String> deliveries = new CopyOnWriteArrayList<>();

		private final Store store;

		private final Inbox inbox;

		private final Collection<String, Long> balances;

		Ledger(Store store, Inbox inbox) {
			this.store = store;
			this.inbox = inbox;
			this.balances = store.collection("balances", Codec.utf8(), Codec.longKey());
		}

		@KafkaListener(topics = "${test.topic}")
		void on(EventEnvelope event) {
			this.inbox.process(event, (txn, deposit) -> this.balances.put(txn, deposit.key(),
					this.balances.get(txn, deposit.key()).orElse(0L) + deposit.payloadAs(Deposit.class).amount()));
			this.deliveries.add(event.id());
		}

		long balance(String account) {
			return this.balances.get(account).orElse(0L);
		}

	}

}
