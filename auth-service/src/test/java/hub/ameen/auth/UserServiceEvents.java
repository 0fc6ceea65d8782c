package hub.ameen.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.test.kafka.SharedKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes events shaped as user-service publishes them, to the real broker: what the
 * projection consumes.
 */
public final class UserServiceEvents implements AutoCloseable {

	public static final String USERS = "hub.users.user.v1";

	public static final String ROLES = "hub.users.role.v1";

	public static final String CREDENTIALS = "hub.users.credential.v1";

	private final JsonMapper mapper = JsonMapper.shared();

	private final KafkaProducer<String, String> producer = new KafkaProducer<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
					ProducerConfig.LINGER_MS_CONFIG, 0),
			new StringSerializer(), new StringSerializer());

	public void role(String type, String name, List<String> permissions) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("name", name);
		payload.put("description", name + " role");
		payload.put("permissions", permissions);
		payload.put("builtIn", false);
		send(ROLES, type, name, payload);
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
		send(USERS, type, id, payload);
	}

	public void credential(String userId, String passwordHash) {
		send(CREDENTIALS, "credential.set", userId, Map.of("userId", userId, "passwordHash", passwordHash));
	}

	/**
	 * Sends one envelope and waits for the broker's acknowledgement.
	 * @return the envelope sent
	 */
	public EventEnvelope send(String topic, String type, String key, Object payload) {
		EventEnvelope event = EventEnvelope.of(type, 1, key, "test-admin", payload, this.mapper);
		send(topic, event);
		return event;
	}

	public void send(String topic, EventEnvelope event) {
		try {
			this.producer.send(new ProducerRecord<>(topic, event.key(), this.mapper.writeValueAsString(event))).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
