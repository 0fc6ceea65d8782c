package hub.ameen.platform.events;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

/**
 * The producer of the relay and the dead-letter recoverer: the service's Kafka settings
 * made idempotent and prompt, string keys and JSON values. Kept out of the context as a
 * {@code KafkaTemplate} bean so that Boot's own template stays as the service configured
 * it.
 */
final class EventsProducer implements DisposableBean {

	/** What reliable, ordered publishing needs, over whatever the service configured. */
	static final Map<String, Object> RELIABLE = Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
			ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 1,
			ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);

	private final DefaultKafkaProducerFactory<String, Object> factory;

	private final KafkaTemplate<String, Object> template;

	EventsProducer(Map<String, Object> serviceSettings) {
		Map<String, Object> settings = new HashMap<>(serviceSettings);
		settings.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		settings.putAll(RELIABLE);
		this.factory = new DefaultKafkaProducerFactory<>(settings, new StringSerializer(),
				new EventSerializer(EventsJson.MAPPER));
		this.template = new KafkaTemplate<>(this.factory);
		// the relay and the recoverer log failures themselves, without the payload
		this.template.setProducerListener(new ProducerListener<>() {
		});
	}

	KafkaTemplate<String, Object> template() {
		return this.template;
	}

	Map<String, Object> settings() {
		return this.factory.getConfigurationProperties();
	}

	@Override
	public void destroy() {
		this.factory.destroy();
	}

}
