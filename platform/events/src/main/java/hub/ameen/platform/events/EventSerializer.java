package hub.ameen.platform.events;

import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes values as JSON, except bytes, which pass through unchanged (a dead letter whose
 * bytes did not parse is published as it came).
 */
final class EventSerializer implements Serializer<Object> {

	private final JsonMapper mapper;

	EventSerializer(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public byte[] serialize(String topic, Object value) {
		if (value == null || value instanceof byte[]) {
			return (byte[]) value;
		}
		return this.mapper.writeValueAsBytes(value);
	}

}
