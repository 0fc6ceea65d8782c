package hub.ameen.user.role;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Publishes {@code role.*} events on {@code hub.users.role.v1}: the role with its
 * permissions after the change, so that others can project what a role grants.
 */
@Component
public class RoleEvents {

	public static final String TOPIC = Topics.name("users", "role", 1);

	public static final String CREATED = "role.created";

	public static final String UPDATED = "role.updated";

	public static final String DELETED = "role.deleted";

	private final Outbox outbox;

	private final JsonMapper json;

	RoleEvents(Outbox outbox, JsonMapper json) {
		this.outbox = outbox;
		this.json = json;
	}

	public void publish(WriteTxn txn, String type, Role role, String actorId) {
		this.outbox.append(txn, TOPIC, EventEnvelope.of(type, 1, role.name(), actorId, role, this.json));
	}

}
