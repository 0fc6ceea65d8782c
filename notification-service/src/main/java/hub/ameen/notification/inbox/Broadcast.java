package hub.ameen.notification.inbox;

import java.util.List;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * One source event's notification for many users, announced as one record: the recipients
 * whose records share a partition of {@link Topics#NOTIFICATION_INBOX}, at most
 * {@link #MAX_NOTIFICATIONS} of them. Every instance keeps each one as it would keep a
 * {@link Notification#CREATED} in that place, so each is numbered by this record's
 * offset.
 *
 * @param notifications the notifications as announced (sequence number 0)
 */
public record Broadcast(List<Notification> notifications) {

	/**
	 * A notification made for many users from one source event, in one record per
	 * partition of the inbox topic.
	 */
	public static final EventType<Broadcast> CREATED = EventType.named("notification.broadcast")
		.on(Topics.NOTIFICATION_INBOX);

	/** Recipients in one record: about 150 KB of JSON, well under Kafka's 1 MB. */
	static final int MAX_NOTIFICATIONS = 250;

	public Broadcast {
		if (notifications == null || notifications.isEmpty()) {
			throw new IllegalArgumentException("a broadcast needs at least one notification");
		}
		notifications = List.copyOf(notifications);
	}

}
