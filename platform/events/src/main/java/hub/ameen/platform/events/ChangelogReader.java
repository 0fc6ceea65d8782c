package hub.ameen.platform.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a changelog topic from its beginning to the end it had when asked, without a
 * consumer group (nothing is committed): what an aggregate restores an empty store from.
 * Each read opens its own consumer; reads happen once per aggregate at start-up, before
 * the service serves.
 */
public final class ChangelogReader {

	private static final Duration POLL = Duration.ofMillis(500);

	private final Map<String, Object> settings;

	/**
	 * A reader with the service's consumer settings (bootstrap servers, security); group,
	 * deserializers and commits are its own.
	 * @param kafkaSettings the service's consumer settings
	 */
	public ChangelogReader(Map<String, Object> kafkaSettings) {
		Map<String, Object> settings = new HashMap<>(kafkaSettings);
		settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
		settings.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		settings.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
		settings.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// a changelog that does not exist yet is empty; the service declares it compacted
		settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
		// read to the end, never wait for more: a fetch left waiting at the end of a
		// partition would hold up the next pass
		settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
		this.settings = Map.copyOf(settings);
	}

	/**
	 * Opens one consumer on the topic, to read it (perhaps more than once) up to where it
	 * ends now.
	 * @param topic the changelog topic
	 * @return the open topic, to close after use
	 */
	Session open(String topic) {
		return new Session(topic,
				new KafkaConsumer<>(this.settings, new StringDeserializer(), new ByteArrayDeserializer()));
	}

	/** One consumer reading one changelog topic up to the end it had when opened. */
	static final class Session implements AutoCloseable {

		private final KafkaConsumer<String, byte[]> consumer;

		private final Map<TopicPartition, Long> ends;

		private final Map<TopicPartition, Long> beginnings;

		private Session(String topic, KafkaConsumer<String, byte[]> consumer) {
			this.consumer = consumer;
			try {
				List<TopicPartition> partitions = consumer.partitionsFor(topic)
					.stream()
					.map((info) -> new TopicPartition(topic, info.partition()))
					.toList();
				this.ends = consumer.endOffsets(partitions);
				this.beginnings = consumer.beginningOffsets(partitions);
				consumer.assign(partitions);
			}
			catch (RuntimeException ex) {
				consumer.close();
				throw ex;
			}
		}

		/** Whether the topic held no record when opened (also when it does not exist). */
		boolean isEmpty() {
			return this.ends.entrySet().stream().allMatch((end) -> end.getValue() <= this.beginnings.get(end.getKey()));
		}

		/**
		 * Visits every record from the beginning up to the end the topic had when opened,
		 * one partition's records in their order (a tombstone has a null value).
		 * @param visitor what to do with each record
		 */
		void read(Visitor visitor) {
			Map<TopicPartition, Long> remaining = new HashMap<>(this.ends);
			this.consumer.resume(this.consumer.assignment());
			this.consumer.seekToBeginning(remaining.keySet());
			readUp(remaining);
			while (!remaining.isEmpty()) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(POLL)) {
					Long end = remaining.get(new TopicPartition(record.topic(), record.partition()));
					if (end != null && record.offset() < end) {
						visitor.visit(record.partition(), record.offset(), record.key(), record.value());
					}
				}
				readUp(remaining);
			}
		}

		/** Stops fetching the partitions read up to their end. */
		private void readUp(Map<TopicPartition, Long> remaining) {
			List<TopicPartition> done = remaining.entrySet()
				.stream()
				.filter((end) -> this.consumer.position(end.getKey()) >= end.getValue())
				.map(Map.Entry::getKey)
				.toList();
			this.consumer.pause(done);
			done.forEach(remaining::remove);
		}

		@Override
		public void close() {
			this.consumer.close(Duration.ZERO);
		}

	}

	/** One record of a changelog. */
	@FunctionalInterface
	interface Visitor {

		/**
		 * @param partition its partition
		 * @param offset its offset in the partition
		 * @param key the aggregate id
		 * @param value the state, or null for a tombstone
		 */
		void visit(int partition, long offset, String key, byte[] value);

	}

}
