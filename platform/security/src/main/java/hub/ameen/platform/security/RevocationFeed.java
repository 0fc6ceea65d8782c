package hub.ameen.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;

/**
 * Feeds {@link RevokedTokens} from user-service's user events and auth-service's session
 * and credential events. It reads every partition from the beginning, without a consumer
 * group (nothing is committed, nothing is shared between instances), so a restarted
 * service knows every revocation again; it starts before the web server and waits, up to
 * {@code catch-up-timeout}, until it has read what the topics held at start. Topics that
 * do not exist yet are looked for again every few seconds.
 */
final class RevocationFeed implements SmartLifecycle {

	/** Before the web server, so no request is checked against an empty view. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 8192;

	// platform-events' Topics.USER, Topics.SESSION and Topics.CREDENTIAL_CHANGE: named
	// again
	// here because the gateway runs this view without the events library and its store
	static final String USERS_TOPIC = "hub.users.user.v1";

	static final String SESSIONS_TOPIC = "hub.auth.session.v1";

	static final String CREDENTIALS_TOPIC = "hub.auth.credential.v1";

	static final String USER_DELETED = "user.deleted";

	static final String SESSION_REVOKED = "session.revoked";

	static final String CREDENTIAL_CHANGED = "credential.changed";

	private static final String DISABLED = "disabled";

	private static final List<String> TOPICS = List.of(USERS_TOPIC, SESSIONS_TOPIC, CREDENTIALS_TOPIC);

	private static final Duration POLL = Duration.ofMillis(250);

	private static final Duration LOOK_FOR_TOPICS_EVERY = Duration.ofSeconds(3);

	private static final Logger logger = LoggerFactory.getLogger(RevocationFeed.class);

	private final RevokedTokens view;

	private final String bootstrapServers;

	private final Duration catchUpTimeout;

	private final JsonMapper json = JsonMapper.builder().build();

	private final CountDownLatch caughtUp = new CountDownLatch(1);

	private volatile boolean running;

	private volatile KafkaConsumer<String, String> consumer;

	private Thread thread;

	RevocationFeed(RevokedTokens view, String bootstrapServers, Duration catchUpTimeout) {
		this.view = view;
		this.bootstrapServers = bootstrapServers;
		this.catchUpTimeout = catchUpTimeout;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		if (this.bootstrapServers == null || this.bootstrapServers.isBlank()) {
			logger.warn("hub.security.revocation.bootstrap-servers is not set: revoked access tokens are accepted "
					+ "until they expire");
			this.running = true;
			return;
		}
		this.running = true;
		this.consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new StringDeserializer());
		this.thread = new Thread(this::run, "token-revocation-feed");
		this.thread.setDaemon(true);
		this.thread.start();
		awaitCatchUp();
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		KafkaConsumer<String, String> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		if (this.thread != null) {
			try {
				this.thread.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.thread = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Whether the view holds at least what the topics held when the feed started.
	 * @return {@code true} once caught up
	 */
	boolean isCaughtUp() {
		return this.caughtUp.getCount() == 0;
	}

	private void awaitCatchUp() {
		try {
			if (!this.caughtUp.await(this.catchUpTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Token revocations not read within {}: starting anyway, and catching up in the background",
						this.catchUpTimeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Map<String, Object> consumerConfig() {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "token-revocation-feed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		// only the producers declare topics, with their partition counts
		config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		return config;
	}

	private void run() {
		Set<TopicPartition> assigned = new HashSet<>();
		Map<TopicPartition, Long> startEnds = null;
		long lookedForTopicsAt = 0;
		try (KafkaConsumer<String, String> kafka = this.consumer) {
			while (this.running) {
				try {
					long now = System.nanoTime();
					if (startEnds == null || (!allTopicsFound(assigned)
							&& now - lookedForTopicsAt >= LOOK_FOR_TOPICS_EVERY.toNanos())) {
						lookedForTopicsAt = now;
						assignNewPartitions(kafka, assigned);
						if (startEnds == null) {
							startEnds = kafka.endOffsets(assigned);
						}
					}
					if (assigned.isEmpty()) {
						Thread.sleep(POLL.toMillis());
					}
					else {
						kafka.poll(POLL).forEach(this::apply);
					}
					if (!isCaughtUp() && reached(kafka, startEnds)) {
						logger.info("Token revocations read from {} partitions", assigned.size());
						this.caughtUp.countDown();
					}
				}
				catch (WakeupException ex) {
					// stop() wakes the consumer up; the loop condition ends it
				}
				catch (KafkaException ex) {
					logger.warn("Cannot read token revocations yet: {}", ex.getMessage());
					pause();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			logger.error("Token revocation feed stopped", ex);
		}
	}

	private static boolean allTopicsFound(Set<TopicPartition> assigned) {
		return assigned.stream().map(TopicPartition::topic).distinct().count() == TOPICS.size();
	}

	/** Assigns the partitions of topics that appeared, to be read from the beginning. */
	private static void assignNewPartitions(KafkaConsumer<String, String> kafka, Set<TopicPartition> assigned) {
		Set<TopicPartition> found = new HashSet<>(assigned);
		for (String topic : TOPICS) {
			List<PartitionInfo> partitions = kafka.partitionsFor(topic, Duration.ofSeconds(5));
			if (partitions != null) {
				partitions.forEach((info) -> found.add(new TopicPartition(info.topic(), info.partition())));
			}
		}
		if (!found.equals(assigned)) {
			Set<TopicPartition> added = new HashSet<>(found);
			added.removeAll(assigned);
			kafka.assign(found);
			kafka.seekToBeginning(added);
			assigned.addAll(added);
		}
	}

	private static boolean reached(KafkaConsumer<String, String> kafka, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> kafka.position(end.getKey()) >= end.getValue());
	}

	/** Applies one event; one that does not parse is skipped, never retried. */
	void apply(ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			return;
		}
		try {
			JsonNode event = this.json.readTree(record.value());
			apply(record.topic(), event);
		}
		catch (JacksonException | IllegalArgumentException | java.time.DateTimeException ex) {
			logger.warn("Skipping an unreadable event at {}-{}@{}", record.topic(), record.partition(),
					record.offset());
		}
	}

	private void apply(String topic, JsonNode event) {
		String type = event.path("type").asString("");
		String key = event.path("key").asString("");
		if (key.isEmpty()) {
			return;
		}
		Instant occurredAt = Instant.parse(event.path("occurredAt").asString(""));
		JsonNode payload = event.path("payload");
		switch (topic) {
			case USERS_TOPIC -> applyUser(type, key, occurredAt, payload);
			case CREDENTIALS_TOPIC -> {
				if (CREDENTIAL_CHANGED.equals(type)) {
					this.view.notBefore(key, instant(payload.path("changedAt"), occurredAt));
				}
			}
			case SESSIONS_TOPIC -> {
				String sessionId = payload.path("sessionId").asString("");
				if (SESSION_REVOKED.equals(type) && !sessionId.isEmpty()) {
					this.view.revokeSession(sessionId, instant(payload.path("revokedAt"), occurredAt));
				}
			}
			default -> {
			}
		}
	}

	/**
	 * Any user event carries the status after it ({@code user.disabled} says
	 * {@code disabled}); {@code user.deleted} ends the user.
	 */
	private void applyUser(String type, String userId, Instant occurredAt, JsonNode payload) {
		if (USER_DELETED.equals(type) || DISABLED.equals(payload.path("status").asString(""))) {
			this.view.block(userId, occurredAt);
		}
		else {
			this.view.unblock(userId);
		}
	}

	private static Instant instant(JsonNode node, Instant fallback) {
		return node.isString() ? Instant.parse(node.asString()) : fallback;
	}

	private static void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
