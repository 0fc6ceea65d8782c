package hub.ameen.notification.inbox;

import java.time.Instant;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * A change to one user's inbox that every instance applies in the order of
 * {@link Topics#NOTIFICATION_INBOX} (keyed by user, so one user's changes keep their
 * order): a notification read, all of them read, or all of them removed.
 *
 * @param userId whose inbox
 * @param notificationId the notification read, null for the others
 * @param at when it happened (the read time every instance keeps)
 */
public record InboxChange(String userId, String notificationId, Instant at) {

	/** One notification read ({@code POST /api/notifications/{id}/read}). */
	public static final EventType<InboxChange> READ = EventType.named("notification.read")
		.on(Topics.NOTIFICATION_INBOX);

	/**
	 * Every notification before this event in the user's log read
	 * ({@code POST /api/notifications/read-all}).
	 */
	public static final EventType<InboxChange> ALL_READ = EventType.named("notification.all-read")
		.on(Topics.NOTIFICATION_INBOX);

	/** Every notification of a deleted user removed ({@code user.deleted}). */
	public static final EventType<InboxChange> CLEARED = EventType.named("notification.inbox-cleared")
		.on(Topics.NOTIFICATION_INBOX);

}
