package hub.ameen.platform.events;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.config.StoreAutoConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Events for a service with a store: the {@link Outbox} and its {@link OutboxRelay}, the
 * {@link Inbox} and its pruning, and listener containers that read {@link EventEnvelope}s
 * (group id {@code spring.application.name}, from the earliest offset when new, a dead
 * member given up after 10 s), retry a failing record a few times and then publish it to
 * {@code <topic>.dlt}; the Kafka clients' periodic chores share one thread
 * ({@link KafkaClientThreads}).
 */
@AutoConfiguration(after = { StoreAutoConfiguration.class, KafkaAutoConfiguration.class })
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean({ Store.class, ProducerFactory.class })
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

	/**
	 * How long the group keeps a member that stopped heartbeating, 10 s instead of
	 * Kafka's 45 s. A service killed and started again joins its group beside its dead
	 * self, and its listeners get no partition until that member expires: after a
	 * {@code kill -9} the scheduler was healthy in 8 s and read nothing for 43 s. A
	 * member that stops cleanly leaves at once either way; heartbeats (every 3 s) come
	 * from a thread of their own, so a slow record does not cost the membership.
	 */
	static final int SESSION_TIMEOUT_MS = 10_000;

	/** The timer of every listener observation, and of spring-kafka's batch timing. */
	static final String LISTENER_TIMER = "spring.kafka.listener";

	/** What a batch listener's own timer is named here. */
	static final String BATCH_LISTENER_TIMER = "spring.kafka.listener.batch";

	@Bean
	@ConditionalOnMissingBean
	Outbox outbox(Store store, ObjectProvider<Tracer> tracer, ObjectProvider<ConsumerFactory<?, ?>> consumers,
			EventsProperties properties) {
		Tracer current = tracer.getIfAvailable();
		ConsumerFactory<?, ?> consumerFactory = consumers.getIfAvailable();
		ChangelogReader changelogs = (consumerFactory != null && properties.changelog().restore())
				? new ChangelogReader(consumerFactory.getConfigurationProperties()) : null;
		return new Outbox(store, (current != null) ? new CurrentTraceParent(current) : () -> null, changelogs);
	}

	@Bean
	EventsProducer eventsProducer(ProducerFactory<?, ?> serviceProducers) {
		return new EventsProducer(serviceProducers.getConfigurationProperties());
	}

	@Bean
	@ConditionalOnMissingBean
	OutboxRelay outboxRelay(Outbox outbox, EventsProducer producer, EventsProperties properties) {
		return new OutboxRelay(outbox, producer.template(), properties.relay());
	}

	/** The one clock services read time from, so that tests can reason about time. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean
	Inbox inbox(Store store, EventsProperties properties, Clock clock) {
		return new Inbox(store, properties.inbox().retention(), clock);
	}

	@Bean
	InboxPruner inboxPruner(Inbox inbox, EventsProperties properties) {
		return new InboxPruner(inbox, properties.inbox().pruneInterval());
	}

	/**
	 * A batch listener's container times each batch with spring-kafka's own timer, named
	 * as the listener observations' timers ({@code spring.kafka.listener}) but tagged
	 * otherwise ({@code name}, {@code result}, {@code exception}). Prometheus takes one
	 * set of tag names per name, so whichever kind registered second was dropped, with a
	 * warning: in notification-service either its inbox's batches or every other listener
	 * went untimed, by which came first after a start. The batch timer gets a name of its
	 * own.
	 */
	@Bean
	MeterFilter batchListenerTimerName() {
		return new MeterFilter() {

			@Override
			public Meter.Id map(Meter.Id id) {
				return (LISTENER_TIMER.equals(id.getName()) && id.getTag("result") != null)
						? id.withName(BATCH_LISTENER_TIMER) : id;
			}

		};
	}

	/** The Kafka clients' periodic chores on one thread instead of two a consumer. */
	@Bean
	static KafkaClientThreads kafkaClientThreads(ObjectProvider<MeterRegistry> meters) {
		return new KafkaClientThreads(meters);
	}

	@Bean
	DefaultKafkaConsumerFactoryCustomizer eventsConsumerFactoryCustomizer(Environment environment) {
		String applicationName = environment.getProperty("spring.application.name");
		return (factory) -> readEnvelopes(factory, applicationName);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void readEnvelopes(DefaultKafkaConsumerFactory<?, ?> factory, String applicationName) {
		Map<String, Object> configured = factory.getConfigurationProperties();
		Map<String, Object> defaults = new HashMap<>();
		if (applicationName != null && !configured.containsKey(ConsumerConfig.GROUP_ID_CONFIG)) {
			defaults.put(ConsumerConfig.GROUP_ID_CONFIG, applicationName);
		}
		if (!configured.containsKey(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)) {
			defaults.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		}
		if (!configured.containsKey(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)) {
			defaults.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
		}
		factory.updateConfigs(defaults);
		DefaultKafkaConsumerFactory raw = factory;
		raw.setKeyDeserializer(new StringDeserializer());
		raw.setValueDeserializerSupplier(() -> new ErrorHandlingDeserializer<>(
				new JacksonJsonDeserializer<>(EventEnvelope.class, EventsJson.MAPPER, false)));
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler eventsErrorHandler(EventsProducer producer, EventsProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(producer.template(),
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		MeterRegistry registry = meters.getIfAvailable();
		ConsumerRecordRecoverer recoverer = (registry == null) ? toDeadLetters : (record, ex) -> {
			toDeadLetters.accept(record, ex);
			Counter.builder("hub.events.dead.lettered")
				.description("Records sent to their dead-letter topic after their retries")
				.tag("topic", record.topic())
				.register(registry)
				.increment();
		};
		EventsProperties.ListenerSettings listener = properties.listener();
		return new DefaultErrorHandler(recoverer,
				new FixedBackOff(listener.retryInterval().toMillis(), listener.retries()));
	}

}
