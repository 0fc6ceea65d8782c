package hub.ameen.tasks.user;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventHandlers;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.tasks.task.TaskAssignments;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Topics#USER} into the {@link UserDirectory}; a user disabled or deleted
 * leaves their tasks unassigned, each change announced, so that a manager sees them as
 * work nobody has.
 */
@Component
class UserTopicListener {

	private final EventHandlers handlers;

	private final UserDirectory users;

	private final TaskAssignments assignments;

	private final DigestPlans digests;

	UserTopicListener(Inbox inbox, JsonMapper json, UserDirectory users, TaskAssignments assignments,
			DigestPlans digests) {
		this.users = users;
		this.assignments = assignments;
		this.digests = digests;
		this.handlers = EventHandlers.through(inbox, json)
			.on("user.created", KnownUser.class, this::keep)
			.on("user.updated", KnownUser.class, this::keep)
			.on("user.enabled", KnownUser.class, this::keep)
			.on("user.roles-changed", KnownUser.class, this::keep)
			.on("user.disabled", KnownUser.class, this::disable)
			.on("user.deleted", KnownUser.class, this::delete);
	}

	@KafkaListener(topics = Topics.USER)
	void on(EventEnvelope event) {
		this.handlers.handle(event);
	}

	private void keep(WriteTxn txn, EventEnvelope event, KnownUser user) {
		this.users.put(txn, withId(user, event));
		if (!user.isActive()) {
			this.assignments.unassignAll(txn, withId(user, event).id(), event.actorId());
		}
		this.digests.follow(txn, withId(user, event).id(), event.actorId());
	}

	private void disable(WriteTxn txn, EventEnvelope event, KnownUser user) {
		KnownUser disabled = withId(user, event);
		this.users.put(txn,
				new KnownUser(disabled.id(), disabled.email(), "disabled", disabled.timeZone(), disabled.digestTime()));
		this.assignments.unassignAll(txn, disabled.id(), event.actorId());
		this.digests.follow(txn, disabled.id(), event.actorId());
	}

	private void delete(WriteTxn txn, EventEnvelope event, KnownUser user) {
		String id = withId(user, event).id();
		this.users.forget(txn, id);
		this.assignments.unassignAll(txn, id, event.actorId());
		this.digests.follow(txn, id, event.actorId());
	}

	private static KnownUser withId(KnownUser user, EventEnvelope event) {
		return (user.id() != null) ? user
				: new KnownUser(event.key(), user.email(), user.status(), user.timeZone(), user.digestTime());
	}

}
