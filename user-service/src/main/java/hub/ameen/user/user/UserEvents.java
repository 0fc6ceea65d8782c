package hub.ameen.user.user;

import java.util.List;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Publishes the {@code user.*} events of {@code hub.users.user.v1} through the outbox, in
 * the transaction of the change they describe.
 */
@Component
public class UserEvents {

	public static final String TOPIC = Topics.name("users", "user", 1);

	public static final String CREATED = "user.created";

	public static final String UPDATED = "user.updated";

	public static final String DISABLED = "user.disabled";

	public static final String ENABLED = "user.enabled";

	public static final String DELETED = "user.deleted";

	public static final String ROLES_CHANGED = "user.roles-changed";

	/**
	 * What every user event carries: the user as it is after the change.
	 */
	public record UserPayload(String id, String email, String displayName, String status, List<String> roles,
			String timeZone, String locale) {

		static UserPayload of(User user) {
			return new UserPayload(user.id(), user.email(), user.displayName(), user.status().name(), user.roles(),
					user.timeZone(), user.locale());
		}

	}

	private final Outbox outbox;

	private final JsonMapper json;

	UserEvents(Outbox outbox, JsonMapper json) {
		this.outbox = outbox;
		this.json = json;
	}

	public void publish(WriteTxn txn, String type, User user, String actorId) {
		this.outbox.append(txn, TOPIC, EventEnvelope.of(type, 1, user.id(), actorId, UserPayload.of(user), this.json));
	}

}
