package hub.ameen.platform.events;

import java.util.List;
import java.util.function.Predicate;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * One thread for the periodic chores of a service's Kafka clients, where spring-kafka and
 * Micrometer start two for every consumer: each listener container a scheduler of its own
 * for its consumer's health check (every 30 s), and each client's metrics binder one to
 * look for new Kafka metrics (every minute). notification-service has twelve listeners:
 * twenty-four threads, each with its stack and its place in every thread dump, for a few
 * milliseconds of work a minute between them.
 *
 * <p>
 * A bean post-processor: it gives the listener container factories this scheduler (each
 * container's properties are copied from its factory's), and rebinds the consumer and
 * producer factories' Micrometer listeners (Spring Boot adds one to each, with the
 * registry and no tags) to it: the same meters, on the shared thread. The thread starts
 * with the first chore, and stops with the context, after the containers (lifecycle
 * beans, stopped before any bean is destroyed).
 */
final class KafkaClientThreads implements BeanPostProcessor, DisposableBean {

	static final String THREAD_NAME_PREFIX = "kafka-client-chores-";

	private final ObjectProvider<MeterRegistry> meters;

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	KafkaClientThreads(ObjectProvider<MeterRegistry> meters) {
		this.meters = meters;
		this.scheduler.setThreadNamePrefix(THREAD_NAME_PREFIX);
		this.scheduler.setDaemon(true);
		this.scheduler.initialize();
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> containers) {
			ContainerProperties properties = containers.getContainerProperties();
			if (properties.getScheduler() == null) {
				properties.setScheduler(this.scheduler);
			}
		}
		else if (bean instanceof DefaultKafkaConsumerFactory<?, ?> consumers) {
			rebind(consumers);
		}
		else if (bean instanceof DefaultKafkaProducerFactory<?, ?> producers) {
			rebind(producers);
		}
		return bean;
	}

	private <K, V> void rebind(DefaultKafkaConsumerFactory<K, V> consumers) {
		MeterRegistry registry = this.meters.getIfAvailable();
		if (registry != null
				&& removeAll(consumers.getListeners(), MicrometerConsumerListener.class, consumers::removeListener)) {
			consumers.addListener(new MicrometerConsumerListener<>(registry, this.scheduler));
		}
	}

	private <K, V> void rebind(DefaultKafkaProducerFactory<K, V> producers) {
		MeterRegistry registry = this.meters.getIfAvailable();
		if (registry != null
				&& removeAll(producers.getListeners(), MicrometerProducerListener.class, producers::removeListener)) {
			producers.addListener(new MicrometerProducerListener<>(registry, this.scheduler));
		}
	}

	/**
	 * Removes the listeners of exactly this class (Spring Boot's, not one of a subclass
	 * made on purpose); whether there was one.
	 */
	private static <L> boolean removeAll(List<L> listeners, Class<?> kind, Predicate<L> remove) {
		boolean removed = false;
		for (L listener : List.copyOf(listeners)) {
			if (listener.getClass() == kind) {
				removed |= remove.test(listener);
			}
		}
		return removed;
	}

	/** The scheduler the Kafka clients' chores run on. */
	ThreadPoolTaskScheduler scheduler() {
		return this.scheduler;
	}

	@Override
	public void destroy() {
		this.scheduler.shutdown();
	}

}
