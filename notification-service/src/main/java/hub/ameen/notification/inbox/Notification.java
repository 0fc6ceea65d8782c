package hub.ameen.notification.inbox;

import java.time.Instant;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.NotificationTypes;
import hub.ameen.platform.events.Topics;

/**
 * One thing a user should know about.
 *
 * @param id opaque id
 * @param userId whose it is
 * @param seq the stream's {@code id:}: one past the offset of its announcement in the
 * user's partition of {@link Topics#NOTIFICATION_INBOX}, so the same on every instance;
 * growing with each of the user's notifications, not contiguous; 0 in {@link #CREATED}
 * @param type what kind, one of {@link NotificationTypes}
 * @param title one line
 * @param body more words, may be empty
 * @param link where in the web app it leads, may be null
 * @param createdAt when it was created
 * @param readAt when the user read it, null while unread
 * @param sourceEventId the id of the event it came from
 * @param eventAt when the source event came due (a reminder's or task's due time) or else
 * happened; delivery latency is measured from it
 */
public record Notification(String id, String userId, long seq, String type, String title, String body, String link,
		Instant createdAt, Instant readAt, String sourceEventId, Instant eventAt) {

	/**
	 * A notification made from a source event, announced to every instance (each instance
	 * that reads the source event announces it, under the same id), which numbers and
	 * keeps it when it reads it back.
	 */
	public static final EventType<Notification> CREATED = EventType.named("notification.created")
		.on(Topics.NOTIFICATION_INBOX);

	/**
	 * The unread notification a draft makes for a user under the given id, as announced
	 * (sequence number 0).
	 */
	static Notification announced(String id, String userId, NotificationDraft draft, Instant createdAt) {
		return new Notification(id, userId, 0, draft.type(), draft.title(), draft.body(), draft.link(), createdAt, null,
				draft.sourceEventId(), draft.eventAt());
	}

	public boolean unread() {
		return this.readAt == null;
	}

	Notification numbered(long seq) {
		return new Notification(this.id, this.userId, seq, this.type, this.title, this.body, this.link, this.createdAt,
				null, this.sourceEventId, this.eventAt);
	}

	Notification markRead(Instant at) {
		return unread() ? new Notification(this.id, this.userId, this.seq, this.type, this.title, this.body, this.link,
				this.createdAt, at, this.sourceEventId, this.eventAt) : this;
	}

}
