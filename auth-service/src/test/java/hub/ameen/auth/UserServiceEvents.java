package hub.ameen.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.test.kafka.TopicWriter;

/**
 * Publishes events shaped as user-service publishes them, to the real broker: what the
 * projection consumes.
 */
public final class UserServiceEvents {

	public void role(String type, String name, List<String> permissions) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("name", name);
		payload.put("description", name + " role");
		payload.put("permissions", permissions);
		payload.put("builtIn", false);
		send(Topics.ROLE, type, name, payload);
	}

	public void user(String type, String id, String email, String status, List<String> roles) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", id);
		payload.put("email", email);
		payload.put("displayName", "User " + id);
		payload.put("status", status);
		payload.put("roles", roles);
		payload.put("timeZone", "Europe/Berlin");
		payload.put("locale", "en");
		send(Topics.USER, type, id, payload);
	}

	public void credential(String userId, String passwordHash) {
		send(Topics.CREDENTIAL, "credential.set", userId, Map.of("userId", userId, "passwordHash", passwordHash));
	}

	/**
	 * Sends one envelope and waits for the broker's acknowledgement.
	 * @return the envelope sent
	 */
	public EventEnvelope send(String topic, String type, String key, Object payload) {
		EventEnvelope event = EventEnvelope.of(type, 1, key, "test-admin", payload);
		send(topic, event);
		return event;
	}

	public void send(String topic, EventEnvelope event) {
		TopicWriter.shared().send(topic, event.key(), event);
	}

}
