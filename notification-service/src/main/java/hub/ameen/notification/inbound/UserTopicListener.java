package hub.ameen.notification.inbound;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import hub.ameen.notification.notification.NotificationDraft;
import hub.ameen.notification.notification.NotificationStore;
import hub.ameen.notification.notification.NotificationTypes;
import hub.ameen.notification.preference.PreferenceStore;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Inbox;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Welcomes each new user ({@code user.created}) and forgets a deleted user's
 * notifications and preferences ({@code user.deleted}), once per event id.
 */
@Component
class UserEventsListener {

	private final Inbox inbox;

	private final Notifier notifier;

	private final NotificationStore notifications;

	private final PreferenceStore preferences;

	private final JsonMapper json;

	UserEventsListener(Inbox inbox, Notifier notifier, NotificationStore notifications, PreferenceStore preferences,
			JsonMapper json) {
		this.inbox = inbox;
		this.notifier = notifier;
		this.notifications = notifications;
		this.preferences = preferences;
		this.json = json;
	}

	/** The part of a user event this service reads. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record UserPayload(String id, String email, String displayName) {

		String name() {
			return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.email;
		}

	}

	@KafkaListener(topics = InboundTopics.USERS)
	void on(EventEnvelope event) {
		if (InboundTopics.USER_CREATED.equals(event.type())) {
			UserPayload user = event.payloadAs(UserPayload.class, this.json);
			NotificationDraft welcome = new NotificationDraft(NotificationTypes.WELCOME,
					"Welcome to Ameen Hub" + ((user.name() != null) ? ", " + user.name() : ""),
					"Your account is ready.", "/", event.id(), event.occurredAt());
			this.inbox.process(event, (txn, e) -> this.notifier.notify(txn, welcome, List.of(userId(user, e))));
		}
		else if (InboundTopics.USER_DELETED.equals(event.type())) {
			UserPayload user = event.payloadAs(UserPayload.class, this.json);
			this.inbox.process(event, (txn, e) -> {
				this.notifications.deleteAll(txn, userId(user, e));
				this.preferences.delete(txn, userId(user, e));
			});
		}
	}

	private static String userId(UserPayload user, EventEnvelope event) {
		return (user.id() != null) ? user.id() : event.key();
	}

}
