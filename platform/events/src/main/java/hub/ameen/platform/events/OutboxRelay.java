package hub.ameen.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Publishes the {@link Outbox} to Kafka on one thread: reads the oldest entries, sends
 * them, waits for the broker's acknowledgements and only then removes them, in one write.
 * A failed send is retried from the oldest entry after a growing pause, so an event may
 * be published twice (consumers skip ids they have seen) but never lost or reordered.
 * Woken by each commit that appends, and polls in case a wake-up was missed.
 * <p>
 * Stops before the store closes (its phase is below the web server's and the listener
 * containers'), after the batch in flight.
 */
public final class OutboxRelay implements SmartLifecycle, MeterBinder {

	/** Starts before, and stops after, the web server and the listener containers. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	/** The W3C trace-context header a consumer's observation continues the trace from. */
	public static final String TRACEPARENT = "traceparent";

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

	private final Outbox outbox;

	private final KafkaOperations<String, Object> kafka;

	private final EventsProperties.RelaySettings settings;

	private final Semaphore wakeUp = new Semaphore(0);

	private final Runnable wakeUpListener = this::wakeUp;

	private final AtomicLong published = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private volatile CountDownLatch stopping;

	private volatile Thread thread;

	/**
	 * A relay that is not running yet.
	 * @param outbox the outbox to drain
	 * @param kafka a producer configured idempotent, with {@code acks=all}
	 * @param settings batch size, poll interval and the longest back-off
	 */
	public OutboxRelay(Outbox outbox, KafkaOperations<String, Object> kafka, EventsProperties.RelaySettings settings) {
		this.outbox = outbox;
		this.kafka = kafka;
		this.settings = settings;
	}

	@Override
	public synchronized void start() {
		if (this.thread != null) {
			return;
		}
		this.stopping = new CountDownLatch(1);
		this.outbox.onAppend(this.wakeUpListener);
		this.thread = new Thread(this::run, "outbox-relay");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public synchronized void stop() {
		Thread running = this.thread;
		if (running == null) {
			return;
		}
		this.outbox.removeListener(this.wakeUpListener);
		this.stopping.countDown();
		this.wakeUp.release();
		try {
			running.join(STOP_TIMEOUT.toMillis());
			if (running.isAlive()) {
				logger.warn("Outbox relay did not finish its batch in {}; interrupting it", STOP_TIMEOUT);
				running.interrupt();
				running.join(STOP_TIMEOUT.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.thread = null;
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** Events acknowledged by Kafka since start. */
	public long published() {
		return this.published.get();
	}

	/** Attempts that failed, each followed by a retry from the oldest entry. */
	public long failures() {
		return this.failures.get();
	}

	/**
	 * How long the oldest event still in the outbox has waited since it occurred: zero
	 * when the outbox is empty, growing while Kafka is out of reach.
	 * @return the oldest entry's age
	 */
	public Duration oldestAge() {
		List<Outbox.Entry> oldest = this.outbox.oldest(1);
		if (oldest.isEmpty()) {
			return Duration.ZERO;
		}
		Duration age = Duration.between(oldest.get(0).occurredAt(), Instant.now());
		return age.isNegative() ? Duration.ZERO : age;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("hub.events.outbox.backlog", this.outbox, OutboxRelay::backlogOrNaN)
			.description("Events in the outbox not yet acknowledged by Kafka")
			.register(registry);
		Gauge.builder("hub.events.outbox.oldest.age", this, OutboxRelay::oldestAgeOrNaN)
			.description("Seconds the oldest event in the outbox has waited since it occurred")
			.baseUnit("seconds")
			.register(registry);
		FunctionCounter.builder("hub.events.outbox.published", this.published, AtomicLong::get)
			.description("Events the relay published and removed from the outbox")
			.register(registry);
		FunctionCounter.builder("hub.events.outbox.failures", this.failures, AtomicLong::get)
			.description("Relay attempts that failed and will be retried")
			.register(registry);
	}

	private static double oldestAgeOrNaN(OutboxRelay relay) {
		try {
			return relay.oldestAge().toMillis() / 1000.0;
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private static double backlogOrNaN(Outbox outbox) {
		try {
			return outbox.backlog();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private void wakeUp() {
		if (this.wakeUp.availablePermits() == 0) {
			this.wakeUp.release();
		}
	}

	private void run() {
		Duration backoff = FIRST_BACKOFF;
		while (!stopRequested()) {
			try {
				if (relayOnce()) {
					backoff = FIRST_BACKOFF;
					continue;
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Outbox relay failed; retrying in {}", backoff, ex);
			}
			this.failures.incrementAndGet();
			pause(backoff);
			backoff = min(backoff.multipliedBy(2), this.settings.maxBackoff());
		}
	}

	/** Publishes one batch, or waits for work; false when a send failed. */
	private boolean relayOnce() {
		List<Outbox.Entry> batch = this.outbox.oldest(this.settings.batchSize());
		if (batch.isEmpty()) {
			awaitWork();
			return true;
		}
		List<Outbox.Entry> acknowledged = send(batch);
		if (!acknowledged.isEmpty()) {
			this.outbox.remove(acknowledged);
			this.published.addAndGet(acknowledged.size());
		}
		return acknowledged.size() == batch.size();
	}

	/**
	 * Sends the whole batch (each entry's event and its changelog state), then waits for
	 * each acknowledgement in order; returns the entries all of whose records were
	 * acknowledged before the first failure.
	 */
	private List<Outbox.Entry> send(List<Outbox.Entry> batch) {
		List<List<CompletableFuture<?>>> sends = new ArrayList<>(batch.size());
		try {
			for (Outbox.Entry entry : batch) {
				List<CompletableFuture<?>> records = new ArrayList<>(2);
				sends.add(records);
				if (entry.event() != null) {
					records.add(this.kafka.send(record(entry)));
				}
				if (entry.state() != null) {
					records.add(this.kafka.send(changelogRecord(entry.state())));
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Outbox relay could not send to Kafka: {}",
					NestedExceptionUtils.getMostSpecificCause(ex).toString());
			// the entry whose send failed is not acknowledged, whatever part of it went
			sends.remove(sends.size() - 1);
		}
		for (int i = 0; i < sends.size(); i++) {
			for (CompletableFuture<?> send : sends.get(i)) {
				if (!acknowledged(send)) {
					return batch.subList(0, i);
				}
			}
		}
		return batch.subList(0, sends.size());
	}

	/** The entry as a record, with the trace it was written in as {@code traceparent}. */
	private static ProducerRecord<String, Object> record(Outbox.Entry entry) {
		ProducerRecord<String, Object> record = new ProducerRecord<>(entry.topic(), entry.event().key(), entry.event());
		if (entry.traceparent() != null) {
			record.headers().add(TRACEPARENT, entry.traceparent().getBytes(StandardCharsets.US_ASCII));
		}
		return record;
	}

	/**
	 * The aggregate's state as its changelog keeps it: the stored JSON, or a tombstone
	 * (null value) when it was deleted.
	 */
	private static ProducerRecord<String, Object> changelogRecord(Outbox.ChangelogRecord state) {
		byte[] value = (state.value() != null) ? state.value().getBytes(StandardCharsets.UTF_8) : null;
		return new ProducerRecord<>(state.topic(), state.key(), value);
	}

	private boolean acknowledged(CompletableFuture<?> send) {
		try {
			send.get();
			return true;
		}
		catch (ExecutionException ex) {
			logger.warn("Kafka did not acknowledge an outbox event: {}",
					NestedExceptionUtils.getMostSpecificCause(ex).toString());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void awaitWork() {
		try {
			this.wakeUp.tryAcquire(this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
			this.wakeUp.drainPermits();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void pause(Duration backoff) {
		try {
			this.stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean stopRequested() {
		return this.stopping.getCount() == 0 || Thread.currentThread().isInterrupted();
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
