package hub.ameen.platform.events;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import hub.ameen.platform.store.Ids;

/**
 * One event about to be published: its type, the aggregate it is about, its payload, who
 * caused it and, when the producer has a natural one, a stable id (a reminder's
 * occurrence, so firing it twice is one event to every inbox).
 *
 * <pre>{@code
 * outbox.publish(txn, Task.CREATED.about(task.id(), task).by(actorId));
 * outbox.publish(txn, ReminderDue.DUE.about(eventId, reminder).withIdOf(eventId, minutes, start).at(firedAt));
 * }</pre>
 *
 * @param <P> the payload type
 * @param type what happened
 * @param key the aggregate id
 * @param payload the data
 * @param actorId who caused it, or null for the system clock
 * @param id the event id, or null for a fresh random one
 * @param occurredAt when it happened, or null for the moment it is published
 */
public record Announcement<P>(EventType<P> type, String key, P payload, String actorId, String id, Instant occurredAt) {

	/** The same announcement, caused by the actor. */
	public Announcement<P> by(String actorId) {
		return new Announcement<>(this.type, this.key, this.payload, actorId, this.id, this.occurredAt);
	}

	/** The same announcement, with an id that stays the same when it is made again. */
	public Announcement<P> withId(String id) {
		return new Announcement<>(this.type, this.key, this.payload, this.actorId, id, this.occurredAt);
	}

	/**
	 * The same announcement, with a stable id made from what identifies it: a name-based
	 * UUID of {@code <type>|<part>|<part>…}, so announcing the same thing twice is one
	 * event to every inbox.
	 */
	public Announcement<P> withIdOf(Object... parts) {
		String name = this.type.name() + "|"
				+ Arrays.stream(parts).map(String::valueOf).collect(Collectors.joining("|"));
		return withId(Ids.named(name));
	}

	/** The same announcement, happening at the instant (the service's clock's). */
	public Announcement<P> at(Instant occurredAt) {
		return new Announcement<>(this.type, this.key, this.payload, this.actorId, this.id, occurredAt);
	}

	/** The envelope that travels, happening at its instant or else the given one. */
	EventEnvelope envelope(Instant now) {
		String eventId = (this.id != null) ? this.id : UUID.randomUUID().toString();
		Instant at = (this.occurredAt != null) ? this.occurredAt : now;
		return new EventEnvelope(eventId, this.type.name(), this.type.version(), at, this.key, this.actorId,
				EventsJson.MAPPER.valueToTree(this.payload));
	}

}
