package hub.ameen.notification.inbound;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import hub.ameen.notification.feed.ActivityFeed;
import hub.ameen.notification.inbox.HeldNotifications;
import hub.ameen.notification.inbox.NotificationDraft;
import hub.ameen.notification.inbox.NotificationStore;
import hub.ameen.notification.preference.PreferenceStore;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventHandlers;
import hub.ameen.platform.events.Inbox;
import hub.ameen.platform.events.NotificationTypes;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@link Topics#USER}: welcomes each new user ({@code user.created}), keeps how
 * each notification type reaches a user as every user event says, and forgets a deleted
 * user's notifications, preferences and held notifications ({@code user.deleted}), once
 * per event id.
 */
@Component
class UserTopicListener {

	private final EventHandlers handlers;

	private final Notifier notifier;

	private final NotificationStore notifications;

	private final PreferenceStore preferences;

	private final HeldNotifications held;

	UserTopicListener(Inbox inbox, Notifier notifier, NotificationStore notifications, PreferenceStore preferences,
			HeldNotifications held, JsonMapper json, ActivityFeed feed) {
		this.held = held;
		this.notifier = notifier;
		this.notifications = notifications;
		this.preferences = preferences;
		this.handlers = EventHandlers.through(inbox, json)
			.on("user.created", UserPayload.class, feed.alongside(this::welcome))
			.on("user.updated", UserPayload.class, this::keepDelivery)
			.on("user.enabled", UserPayload.class, this::keepDelivery)
			.on("user.disabled", UserPayload.class, this::keepDelivery)
			.on("user.roles-changed", UserPayload.class, this::keepDelivery)
			.on("user.deleted", UserPayload.class, this::forget);
	}

	/** The part of a user event this service reads. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record UserPayload(String id, String email, String displayName, Map<String, String> notifications) {

		String name() {
			return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.email;
		}

	}

	@KafkaListener(topics = Topics.USER)
	void on(EventEnvelope event) {
		this.handlers.handle(event);
	}

	private void keepDelivery(WriteTxn txn, EventEnvelope event, UserPayload user) {
		this.preferences.keepDelivery(txn, userId(user, event), user.notifications());
	}

	private void welcome(WriteTxn txn, EventEnvelope event, UserPayload user) {
		keepDelivery(txn, event, user);
		NotificationDraft welcome = new NotificationDraft(NotificationTypes.WELCOME,
				"Welcome to Ameen Hub" + ((user.name() != null) ? ", " + user.name() : ""), "Your account is ready.",
				"/", event.id(), event.occurredAt());
		this.notifier.notify(txn, welcome, List.of(userId(user, event)));
	}

	private void forget(WriteTxn txn, EventEnvelope event, UserPayload user) {
		this.notifications.clear(txn, userId(user, event), event.id(), event.occurredAt());
		this.preferences.delete(txn, userId(user, event));
		this.held.deleteAll(txn, userId(user, event));
	}

	private static String userId(UserPayload user, EventEnvelope event) {
		return (user.id() != null) ? user.id() : event.key();
	}

}
