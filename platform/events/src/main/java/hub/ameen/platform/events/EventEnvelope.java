package hub.ameen.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * One event as it travels between services, JSON on the wire. Consumers read the payload
 * into their own class with {@link #payloadAs(Class)}: services share the envelope, not
 * their domain classes.
 *
 * @param id a unique id (a UUID); consumers skip ids they have processed
 * @param type what happened, e.g. {@code user.created}
 * @param version the version of the payload's shape, from 1
 * @param occurredAt when it happened, an ISO-8601 instant on the wire
 * @param key the aggregate id, also the Kafka record key, so one aggregate stays in order
 * @param actorId who caused it, or null for the system
 * @param payload the event's data
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(String id, String type, int version,
		@JsonFormat(shape = JsonFormat.Shape.STRING) Instant occurredAt, String key, String actorId, JsonNode payload) {

	public EventEnvelope {
		requireText(id, "id");
		requireText(type, "type");
		requireText(key, "key");
		Objects.requireNonNull(occurredAt, "occurredAt must not be null");
		if (version < 1) {
			throw new IllegalArgumentException("version must be at least 1");
		}
		payload = (payload != null) ? payload : NullNode.getInstance();
	}

	/**
	 * A new event with a random id, happening now.
	 * @param type what happened, e.g. {@code user.created}
	 * @param version the payload's version
	 * @param key the aggregate id
	 * @param actorId who caused it, or null
	 * @param payload the data, turned into JSON with the mapper
	 * @param mapper the service's JSON mapper
	 * @return the event
	 */
	public static EventEnvelope of(String type, int version, String key, String actorId, Object payload,
			JsonMapper mapper) {
		return new EventEnvelope(UUID.randomUUID().toString(), type, version, Instant.now(), key, actorId,
				mapper.valueToTree(payload));
	}

	/**
	 * A new event with a random id, happening now, its payload turned into JSON with the
	 * events' own mapper.
	 */
	public static EventEnvelope of(String type, int version, String key, String actorId, Object payload) {
		return of(type, version, key, actorId, payload, EventsJson.MAPPER);
	}

	/**
	 * Reads the payload into the consumer's own class, ignoring fields that class does
	 * not have.
	 */
	public <T> T payloadAs(Class<T> type) {
		return payloadAs(type, EventsJson.MAPPER);
	}

	/** Reads the payload into the consumer's own class. */
	public <T> T payloadAs(Class<T> type, JsonMapper mapper) {
		return mapper.treeToValue(this.payload, type);
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

	/**
	 * Leaves the payload out: it may carry personal data or secrets, and listeners log
	 * envelopes.
	 */
	@Override
	public String toString() {
		return "EventEnvelope[id=" + this.id + ", type=" + this.type + ", version=" + this.version + ", key=" + this.key
				+ ", occurredAt=" + this.occurredAt + "]";
	}

}
