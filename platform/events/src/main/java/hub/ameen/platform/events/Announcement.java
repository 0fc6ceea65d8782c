package hub.ameen.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One event about to be published: its type, the aggregate it is about, its payload, who
 * caused it and, when the producer has a natural one, a stable id (a reminder's
 * occurrence, so firing it twice is one event to every inbox).
 *
 * <pre>{@code
 * outbox.publish(txn, Task.CREATED.about(task.id(), task).by(actorId));
 * outbox.publish(txn, REMINDER_DUE.about(eventId, reminder).withId(occurrenceId));
 * }</pre>
 *
 * @param <P> the payload type
 * @param type what happened
 * @param key the aggregate id
 * @param payload the data
 * @param actorId who caused it, or null for the system clock
 * @param id the event id, or null for a fresh random one
 */
public record Announcement<P>(EventType<P> type, String key, P payload, String actorId, String id) {

	/** The same announcement, caused by the actor. */
	public Announcement<P> by(String actorId) {
		return new Announcement<>(this.type, this.key, this.payload, actorId, this.id);
	}

	/** The same announcement, with an id that stays the same when it is made again. */
	public Announcement<P> withId(String id) {
		return new Announcement<>(this.type, this.key, this.payload, this.actorId, id);
	}

	/** The envelope that travels, happening at the given instant. */
	EventEnvelope envelope(Instant at) {
		String eventId = (this.id != null) ? this.id : UUID.randomUUID().toString();
		return new EventEnvelope(eventId, this.type.name(), this.type.version(), at, this.key, this.actorId,
				EventsJson.MAPPER.valueToTree(this.payload));
	}

}
