package hub.ameen.platform.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import hub.ameen.platform.store.WriteTxn;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The one shape of a consumer: a listener per topic, named for it, that says which event
 * types it handles, reads each payload into its own record and applies it once through
 * the {@link Inbox}. Types it does not name are skipped.
 *
 * <pre>{@code
 * &#64;Component
 * class TaskTopicListener {
 *     private final EventHandlers handlers;
 *
 *     TaskTopicListener(Inbox inbox, JsonMapper json) {
 *         this.handlers = EventHandlers.through(inbox, json)
 *             .on("task.created", TaskPayload.class, this::assign)
 *             .on("task.deleted", TaskPayload.class, (txn, event, task) -> forget(txn, event.key()));
 *     }
 *
 *     &#64;KafkaListener(topics = Topics.TASK)
 *     void on(EventEnvelope event) {
 *         this.handlers.handle(event);
 *     }
 * }
 * }</pre>
 *
 * A payload that does not read into the record throws before anything is written, so the
 * listener's error handling retries it and then sends it to the dead-letter topic.
 * <p>
 * A topic whose events come in bursts (reminders falling due together) is read a batch at
 * a time, {@code @KafkaListener(topics = ..., batch = "true")} handing its records to
 * {@link #handleBatch}: the batch's writes share the store's durable commits.
 */
public final class EventHandlers {

	private static final Logger logger = LoggerFactory.getLogger(EventHandlers.class);

	private static final LogAccessor LOG_ACCESSOR = new LogAccessor(EventHandlers.class);

	private final Inbox inbox;

	private final JsonMapper json;

	private final Map<String, Registration<?>> handlers = new HashMap<>();

	private EventHandlers(Inbox inbox, JsonMapper json) {
		this.inbox = inbox;
		this.json = json;
	}

	/** Handlers that apply each event once through the inbox. */
	public static EventHandlers through(Inbox inbox, JsonMapper json) {
		return new EventHandlers(inbox, json);
	}

	/** Handles events of the type, their payload read into the consumer's own record. */
	public <P> EventHandlers on(String type, Class<P> payload, Handler<P> handler) {
		this.handlers.put(type, new Registration<>(payload, handler));
		return this;
	}

	/**
	 * Applies the event once if its type is handled; blocks until that is durable, so
	 * call it from the listener's thread.
	 * @return whether a handler ran (false for an unhandled type or a duplicate)
	 */
	public boolean handle(EventEnvelope event) {
		Registration<?> registration = this.handlers.get(event.type());
		boolean applied = (registration != null) && registration.handle(event, this.inbox, this.json);
		if (applied && logger.isDebugEnabled()) {
			// in the listener's span: the line carries the trace id of the request that
			// wrote it
			logger.debug("Applied {}", event);
		}
		return applied;
	}

	/**
	 * Like {@link #handle} without blocking: completes once the event is durably applied
	 * (or at once for an unhandled type). Writes asked for together share the store's
	 * durable commits, in the order they were asked for: a batch listener applies a batch
	 * this way and waits for all of it.
	 */
	public Mono<Boolean> handleAsync(EventEnvelope event) {
		Registration<?> registration = this.handlers.get(event.type());
		return (registration != null) ? registration.handleAsync(event, this.inbox, this.json) : Mono.just(false);
	}

	/**
	 * Applies a batch listener's records, their writes sharing the store's durable
	 * commits in the records' order, and waits until all are durable; skips tombstones. A
	 * record that cannot be read (not an envelope, or a payload that does not read into
	 * its record) or whose handler fails ends the batch there with a
	 * {@link BatchListenerFailedException} naming it: the container commits the records
	 * before it and delivers it again with those after it (any of those applied already
	 * are skipped as duplicates by the inbox), and after its retries sends that record
	 * alone to the dead-letter topic, as a listener of one record at a time would.
	 */
	public void handleBatch(List<ConsumerRecord<String, EventEnvelope>> records) {
		List<Mono<Optional<Throwable>>> outcomes = new ArrayList<>(records.size());
		RuntimeException unreadable = null;
		for (ConsumerRecord<String, EventEnvelope> record : records) {
			DeserializationException notAnEnvelope = SerializationUtils.getExceptionFromHeader(record,
					SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
			if (notAnEnvelope != null) {
				unreadable = notAnEnvelope;
				break;
			}
			try {
				Mono<Boolean> applied = (record.value() != null) ? handleAsync(record.value()) : Mono.just(false);
				outcomes.add(applied.then(Mono.just(Optional.<Throwable>empty()))
					.onErrorResume((ex) -> Mono.just(Optional.of(ex))));
			}
			catch (RuntimeException ex) {
				unreadable = ex;
				break;
			}
		}
		// every write asked for at once, so that they share commits; each one's outcome
		List<Optional<Throwable>> written = Flux.mergeSequential(outcomes, Math.max(1, outcomes.size()), 1)
			.collectList()
			.block();
		for (int i = 0; i < written.size(); i++) {
			Throwable ex = written.get(i).orElse(null);
			if (ex != null) {
				throw new BatchListenerFailedException(
						"Could not apply " + records.get(i).value() + ": " + ex.getMessage(), ex, i);
			}
		}
		if (unreadable != null) {
			int index = outcomes.size();
			throw new BatchListenerFailedException("Could not read the record at offset " + records.get(index).offset()
					+ ": " + unreadable.getMessage(), unreadable, index);
		}
	}

	/**
	 * What a consumer does with one event, inside the inbox's transaction: it only writes
	 * to the store (anything else goes in {@link WriteTxn#afterCommit(Runnable)}).
	 *
	 * @param <P> the consumer's payload record
	 */
	@FunctionalInterface
	public interface Handler<P> {

		void handle(WriteTxn txn, EventEnvelope event, P payload);

	}

	/** How one event type is read and applied. */
	private record Registration<P>(Class<P> payload, Handler<P> handler) {

		boolean handle(EventEnvelope event, Inbox inbox, JsonMapper json) {
			P value = event.payloadAs(this.payload, json);
			return inbox.process(event, (txn, e) -> this.handler.handle(txn, e, value));
		}

		Mono<Boolean> handleAsync(EventEnvelope event, Inbox inbox, JsonMapper json) {
			P value = event.payloadAs(this.payload, json);
			return inbox.processAsync(event, (txn, e) -> this.handler.handle(txn, e, value));
		}

	}

}
