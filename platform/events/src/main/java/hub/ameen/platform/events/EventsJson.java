package hub.ameen.platform.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of envelopes on the wire and in the outbox, the same in every service
 * whatever its own mapper is configured to do. It ignores fields it does not know, so
 * that an envelope or payload may gain fields without breaking older readers.
 */
final class EventsJson {

	static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private EventsJson() {
	}

}
