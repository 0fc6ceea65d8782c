package hub.ameen.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Keys;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import reactor.core.publisher.Mono;

/**
 * Makes a consumer idempotent: runs its handler and records the event id as processed in
 * one store transaction, and skips ids already recorded, so an event delivered twice is
 * applied once. Ids are remembered for a retention period ({@link #prune()}).
 * <p>
 * The handler may run more than once (the store may retry a transaction), so it must only
 * write to the store; anything else goes in {@link WriteTxn#afterCommit(Runnable)}. A
 * handler that throws records nothing, and the listener's error handling takes over.
 *
 * <pre>{@code
 * &#64;KafkaListener(topics = Topics.USER)
 * void on(EventEnvelope event) {
 *     inbox.process(event, (txn, e) -> members.put(txn, e.key(), e.payloadAs(Member.class)));
 * }
 * }</pre>
 */
public final class Inbox implements MeterBinder {

	/** Ids removed in one write while pruning. */
	private static final int PRUNE_BATCH = 1000;

	private final Store store;

	private final Duration retention;

	private final Clock clock;

	private final Collection<String, Long> processed;

	private final Collection<String, String> byTime;

	private final AtomicLong applied = new AtomicLong();

	private final AtomicLong duplicates = new AtomicLong();

	public Inbox(Store store, Duration retention, Clock clock) {
		this.store = store;
		this.retention = retention;
		this.clock = clock;
		this.processed = store.collection("events.inbox", Codec.utf8(), Codec.longKey());
		this.byTime = store.collection("events.inbox.by-time", Codec.utf8(), Codec.utf8());
	}

	/**
	 * Applies the event unless its id was processed before; blocks until the transaction
	 * is durable, so call it on a listener thread, never on an event loop.
	 * @return whether the handler ran (false for a duplicate)
	 */
	public boolean process(EventEnvelope event, BiConsumer<WriteTxn, EventEnvelope> handler) {
		return this.store.writeAndWait(applyOnce(event, handler));
	}

	/**
	 * Like {@link #process} without blocking: completes once the transaction is durable.
	 */
	public Mono<Boolean> processAsync(EventEnvelope event, BiConsumer<WriteTxn, EventEnvelope> handler) {
		return this.store.write(applyOnce(event, handler));
	}

	/** Events applied since start (each once, counted when its transaction committed). */
	public long applied() {
		return this.applied.get();
	}

	/** Events received again after they were applied, and skipped, since start. */
	public long duplicates() {
		return this.duplicates.get();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("hub.events.consumed", this.applied, AtomicLong::get)
			.description("Events consumed: applied once, or skipped as already applied")
			.tag("outcome", "applied")
			.register(registry);
		FunctionCounter.builder("hub.events.consumed", this.duplicates, AtomicLong::get)
			.description("Events consumed: applied once, or skipped as already applied")
			.tag("outcome", "duplicate")
			.register(registry);
	}

	/** Whether the event id is remembered as processed. */
	public boolean isProcessed(String eventId) {
		return this.store.read((txn) -> this.processed.contains(txn, eventId));
	}

	/**
	 * Forgets ids processed longer ago than the retention.
	 * @return how many ids were forgotten
	 */
	public int prune() {
		long cutoff = this.clock.millis() - this.retention.toMillis();
		int pruned = 0;
		List<String> expired;
		do {
			expired = expired(cutoff);
			if (!expired.isEmpty()) {
				forget(expired);
			}
			pruned += expired.size();
		}
		while (expired.size() == PRUNE_BATCH);
		return pruned;
	}

	private Function<WriteTxn, Boolean> applyOnce(EventEnvelope event, BiConsumer<WriteTxn, EventEnvelope> handler) {
		return (txn) -> {
			if (this.processed.contains(txn, event.id())) {
				txn.afterCommit(this.duplicates::incrementAndGet);
				return false;
			}
			handler.accept(txn, event);
			long now = this.clock.millis();
			this.processed.put(txn, event.id(), now);
			this.byTime.put(txn, timeKey(now, event.id()), event.id());
			txn.afterCommit(this.applied::incrementAndGet);
			return true;
		};
	}

	private List<String> expired(long cutoff) {
		String end = timeKey(cutoff, "");
		return this.store.read((txn) -> {
			List<String> keys = new ArrayList<>();
			this.byTime.forEach(txn, null, (key, id) -> {
				if (key.compareTo(end) >= 0) {
					return false;
				}
				keys.add(key);
				return keys.size() < PRUNE_BATCH;
			});
			return keys;
		});
	}

	private void forget(List<String> timeKeys) {
		this.store.writeAndWait((txn) -> {
			for (String key : timeKeys) {
				this.byTime.get(txn, key).ifPresent((id) -> this.processed.delete(txn, id));
				this.byTime.delete(txn, key);
			}
			return null;
		});
	}

	/** Sorts by time: zero-padded milliseconds, then the id. */
	private static String timeKey(long millis, String id) {
		return Keys.zeroPadded(Math.max(millis, 0), 20) + "/" + id;
	}

}
