package hub.ameen.scheduler.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Which timer partitions this instance fires, when several scheduler instances run, each
 * with its own store (decision 0003, part 3). The lease is membership of one consumer
 * group on the lease topic, which has one partition per timer partition and no records:
 * Kafka assigns each partition to one live member (cooperative-sticky: a join or a leave
 * moves few), and a dead member's partitions move after the session timeout.
 * <ul>
 * <li>Given up (revoked or lost): the clock stops firing it before the rebalance goes on
 * ({@link TimerClock#fence}), and the outbox is given time to reach Kafka, so that what
 * was fired is on the topics before the next owner looks.</li>
 * <li>Gained: the end offsets of the topics the scheduler reads (its own firings,
 * calendar changes, tasks, digest plans) are taken, and the partition is fired only once
 * this instance's listeners committed up to them: by then it knows every firing of the
 * previous owner ({@link TimerClock#observe}) and every timer. What came due meanwhile
 * fires late.</li>
 * </ul>
 * The consumer polls on a thread of its own; Kafka's heartbeats keep the membership.
 */
public final class ClockLease implements FiringLease, SmartLifecycle {

	/** Starts after the listener containers (which catch up) and before the clock. */
	public static final int PHASE = Integer.MAX_VALUE - 50;

	private static final Logger logger = LoggerFactory.getLogger(ClockLease.class);

	private static final Duration POLL = Duration.ofMillis(200);

	private static final Duration CHECK_INTERVAL = Duration.ofMillis(100);

	private final Map<String, Object> consumerConfig;

	private final Map<String, Object> adminConfig;

	private final String topic;

	private final String instanceId;

	private final String readersGroup;

	private final List<String> readTopics;

	private final LeaseProperties properties;

	private final LongSupplier outboxBacklog;

	private volatile TimerClock clock;

	private volatile int partitionCount;

	private volatile Set<Integer> firing = Set.of();

	/** Partitions gained, waiting for the listeners to catch up: lease thread only. */
	private final Map<Integer, Map<TopicPartition, Long>> catchingUp = new HashMap<>();

	private Instant catchUpDeadline = Instant.MAX;

	private Instant nextCheck = Instant.MIN;

	private final CountDownLatch settled = new CountDownLatch(1);

	private volatile boolean running;

	private volatile Thread thread;

	/**
	 * A lease that has not joined yet.
	 * @param consumerConfig the service's consumer settings (bootstrap servers and
	 * security); group and assignment are set here
	 * @param adminConfig the service's admin client settings
	 * @param topic the lease topic
	 * @param instanceId this instance's id, for the status and the client id
	 * @param readersGroup the consumer group of this instance's listeners
	 * @param readTopics the topics those listeners must have read before a gained
	 * partition fires
	 * @param properties group and timeouts
	 * @param outboxBacklog how many events wait in the outbox
	 */
	public ClockLease(Map<String, Object> consumerConfig, Map<String, Object> adminConfig, String topic,
			String instanceId, String readersGroup, List<String> readTopics, LeaseProperties properties,
			LongSupplier outboxBacklog) {
		this.consumerConfig = consumerConfig;
		this.adminConfig = adminConfig;
		this.topic = topic;
		this.instanceId = instanceId;
		this.readersGroup = readersGroup;
		this.readTopics = List.copyOf(readTopics);
		this.properties = properties;
		this.outboxBacklog = outboxBacklog;
	}

	/** The clock whose firing a change of partitions fences. */
	void bind(TimerClock clock) {
		this.clock = clock;
	}

	@Override
	public boolean holds(String ownerId) {
		if (!this.properties.enabled()) {
			return true;
		}
		int count = this.partitionCount;
		return count > 0 && this.firing.contains(FiringLease.partitionOf(ownerId, count));
	}

	@Override
	public String instanceId() {
		return this.instanceId;
	}

	@Override
	public List<Integer> partitions() {
		if (!this.properties.enabled()) {
			return null;
		}
		return List.copyOf(new TreeSet<>(this.firing));
	}

	@Override
	public synchronized void start() {
		if (this.running || !this.properties.enabled()) {
			return;
		}
		this.running = true;
		this.thread = new Thread(this::run, "scheduler-lease");
		this.thread.setDaemon(true);
		this.thread.start();
		// ready once the first assignment is caught up (or none came), so that a lone
		// instance fires from the moment it is up
		try {
			if (!this.settled.await(this.properties.sessionTimeout().plus(this.properties.catchUpTimeout()).toMillis(),
					TimeUnit.MILLISECONDS)) {
				logger.warn("The clock's lease has no caught-up partition yet; the clock fires once it has");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		Thread current = this.thread;
		if (current != null) {
			try {
				// leaving the group gives the partitions up (drained) for the others
				current.join(this.properties.drainTimeout().plusSeconds(10).toMillis());
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

	private void run() {
		try (Admin admin = Admin.create(this.adminConfig);
				KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(leaseConsumerConfig(),
						new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			this.partitionCount = consumer.partitionsFor(this.topic).size();
			consumer.subscribe(List.of(this.topic), new Rebalance());
			while (this.running) {
				try {
					consumer.poll(POLL);
					checkCatchUp(admin);
				}
				catch (RuntimeException ex) {
					if (this.running) {
						logger.warn("The clock's lease failed a poll; polling again", ex);
						pause();
					}
				}
			}
		}
		catch (RuntimeException ex) {
			logger.error("The clock's lease stopped; this instance fires nothing until restarted", ex);
			giveUp(this.firing);
		}
		finally {
			this.settled.countDown();
		}
	}

	private Map<String, Object> leaseConsumerConfig() {
		Map<String, Object> config = new HashMap<>(this.consumerConfig);
		config.keySet()
			.removeIf((key) -> key.startsWith("spring.") || key.equals(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG)
					|| key.equals(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG));
		long session = this.properties.sessionTimeout().toMillis();
		config.put(ConsumerConfig.GROUP_ID_CONFIG, this.properties.group());
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "scheduler-lease-" + this.instanceId);
		config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
		config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) session);
		config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(100, session / 5));
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		return config;
	}

	/** Moves gained partitions whose listeners caught up (or timed out) to firing. */
	private void checkCatchUp(Admin admin) {
		if (this.catchingUp.isEmpty() || Instant.now().isBefore(this.nextCheck)) {
			return;
		}
		this.nextCheck = Instant.now().plus(CHECK_INTERVAL);
		if (this.catchingUp.containsValue(Map.of())) {
			// just gained: where the topics end now is what the previous owner published
			Map<TopicPartition, Long> targets = endOffsets(admin);
			if (targets.isEmpty() && Instant.now().isBefore(this.catchUpDeadline)) {
				return;
			}
			this.catchingUp.replaceAll((partition, old) -> old.isEmpty() ? targets : old);
		}
		Map<TopicPartition, OffsetAndMetadata> committed = committed(admin);
		List<Integer> ready = new ArrayList<>();
		boolean late = Instant.now().isAfter(this.catchUpDeadline);
		this.catchingUp.forEach((partition, targets) -> {
			if (late || caughtUp(targets, committed)) {
				ready.add(partition);
			}
		});
		if (late && !ready.isEmpty()) {
			logger.warn("Listeners did not catch up within {}; firing partitions {} anyway",
					this.properties.catchUpTimeout(), ready);
		}
		if (!ready.isEmpty()) {
			ready.forEach(this.catchingUp::remove);
			Set<Integer> now = new TreeSet<>(this.firing);
			now.addAll(ready);
			change(Set.copyOf(now));
			logger.info("Instance {} fires timer partitions {}", this.instanceId, partitions());
		}
		if (this.catchingUp.isEmpty()) {
			this.settled.countDown();
		}
	}

	/** Where the topics this instance reads end now. */
	private Map<TopicPartition, Long> endOffsets(Admin admin) {
		try {
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			admin.describeTopics(this.readTopics)
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.forEach((name, description) -> description.partitions()
					.forEach((info) -> latest.put(new TopicPartition(name, info.partition()), OffsetSpec.latest())));
			Map<TopicPartition, Long> ends = new HashMap<>();
			admin.listOffsets(latest)
				.all()
				.get(10, TimeUnit.SECONDS)
				.forEach((partition, info) -> ends.put(partition, info.offset()));
			return Map.copyOf(ends);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Map.of();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.warn("Could not read where the scheduler's topics end; trying again", ex);
			return Map.of();
		}
	}

	private Map<TopicPartition, OffsetAndMetadata> committed(Admin admin) {
		try {
			return admin.listConsumerGroupOffsets(this.readersGroup)
				.partitionsToOffsetAndMetadata()
				.get(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Map.of();
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.debug("Could not read the listeners' offsets", ex);
			return Map.of();
		}
	}

	private static boolean caughtUp(Map<TopicPartition, Long> targets,
			Map<TopicPartition, OffsetAndMetadata> committed) {
		return targets.entrySet().stream().allMatch((target) -> {
			OffsetAndMetadata offset = committed.get(target.getKey());
			return target.getValue() == 0 || (offset != null && offset.offset() >= target.getValue());
		});
	}

	private void giveUp(Collection<Integer> partitions) {
		if (partitions.isEmpty()) {
			return;
		}
		Set<Integer> now = new TreeSet<>(this.firing);
		now.removeAll(partitions);
		change(Set.copyOf(now));
	}

	private void change(Set<Integer> partitions) {
		TimerClock current = this.clock;
		if (current != null) {
			current.fence(() -> this.firing = partitions);
		}
		else {
			this.firing = partitions;
		}
	}

	/** Waits, boundedly, until what was fired here reached Kafka. */
	private void drainOutbox() {
		Instant deadline = Instant.now().plus(this.properties.drainTimeout());
		while (this.outboxBacklog.getAsLong() > 0 && Instant.now().isBefore(deadline)) {
			pause(Duration.ofMillis(20));
		}
		if (this.outboxBacklog.getAsLong() > 0) {
			logger.warn("The outbox did not drain within {}; the next owner may fire some timers again "
					+ "(the same event ids, which consumers drop)", this.properties.drainTimeout());
		}
	}

	private static void pause() {
		pause(Duration.ofSeconds(1));
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static List<Integer> numbers(Collection<TopicPartition> partitions) {
		return partitions.stream().map(TopicPartition::partition).sorted().toList();
	}

	/** Runs on the lease thread, inside poll (and close). */
	private final class Rebalance implements ConsumerRebalanceListener {

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			release(partitions, "gives up");
		}

		@Override
		public void onPartitionsLost(Collection<TopicPartition> partitions) {
			release(partitions, "lost");
		}

		private void release(Collection<TopicPartition> partitions, String how) {
			if (partitions.isEmpty()) {
				return;
			}
			List<Integer> numbers = numbers(partitions);
			numbers.forEach(ClockLease.this.catchingUp::remove);
			giveUp(numbers);
			drainOutbox();
			logger.info("Instance {} {} timer partitions {}; fires {}", ClockLease.this.instanceId, how, numbers,
					partitions());
		}

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			if (partitions.isEmpty()) {
				if (ClockLease.this.catchingUp.isEmpty()) {
					ClockLease.this.settled.countDown();
				}
				return;
			}
			for (Integer partition : numbers(partitions)) {
				ClockLease.this.catchingUp.put(partition, Map.of());
			}
			ClockLease.this.catchUpDeadline = Instant.now().plus(ClockLease.this.properties.catchUpTimeout());
			ClockLease.this.nextCheck = Instant.MIN;
			logger.info("Instance {} gained timer partitions {}; catching up before it fires them",
					ClockLease.this.instanceId, numbers(partitions));
		}

	}

}
