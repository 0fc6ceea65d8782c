package hub.ameen.platform.test.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes records to the shared broker as a producing service would, one producer per test
 * JVM, each send waiting for the broker's ack; values that are not strings travel as
 * JSON.
 *
 * <pre>{@code
 * TopicWriter.shared().send(Topics.TASK, task.id(), envelope);
 * }</pre>
 */
public final class TopicWriter {

	private static TopicWriter shared;

	private final KafkaProducer<String, String> producer;

	private TopicWriter() {
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SharedKafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(),
				new StringSerializer());
	}

	/** The writer of this test JVM, on the shared broker. */
	public static synchronized TopicWriter shared() {
		if (shared == null) {
			shared = new TopicWriter();
		}
		return shared;
	}

	/**
	 * Sends the value under the key and waits until the broker has it.
	 * @param topic the topic
	 * @param key the record key (the aggregate id), may be null
	 * @param value a string as it is, anything else as JSON
	 */
	public void send(String topic, String key, Object value) {
		awaitAll(List.of(this.producer.send(record(topic, key, value))));
	}

	/**
	 * Sends each value under its key without waiting between them, as a service's burst
	 * would arrive, then waits until the broker has all of them.
	 * @param topic the topic
	 * @param valuesByKey the records, in order; a string as it is, anything else as JSON
	 */
	public void sendAll(String topic, Map<String, ?> valuesByKey) {
		List<Future<RecordMetadata>> sends = new ArrayList<>(valuesByKey.size());
		valuesByKey.forEach((key, value) -> sends.add(this.producer.send(record(topic, key, value))));
		awaitAll(sends);
	}

	/** A string as it is, anything else as JSON. */
	private static ProducerRecord<String, String> record(String topic, String key, Object value) {
		String body = (value instanceof String text) ? text : JsonMapper.shared().writeValueAsString(value);
		return new ProducerRecord<>(topic, key, body);
	}

	/** Waits until the broker has acknowledged every send. */
	private static void awaitAll(List<Future<RecordMetadata>> sends) {
		try {
			for (Future<RecordMetadata> send : sends) {
				send.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

}
