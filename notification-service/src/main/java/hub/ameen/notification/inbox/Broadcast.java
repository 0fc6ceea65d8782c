package hub.ameen.notification.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * One source event's notification for many users, announced as one record: what every
 * recipient's notification says, once, and who the recipients are, those whose records
 * share a partition of {@link Topics#NOTIFICATION_INBOX}, at most {@link #MAX_RECIPIENTS}
 * of them. Every instance keeps each recipient's notification as it would keep a
 * {@link Notification#CREATED} in that place, so each is numbered by this record's
 * offset.
 * <p>
 * Version 1 carried each recipient's whole notification; a version 1 record (from an
 * instance not yet upgraded) is still read, into the same shape.
 *
 * @param draft what each notification says
 * @param createdAt when the notifications were made
 * @param recipients each notification's id and user
 */
public record Broadcast(NotificationDraft draft, Instant createdAt, List<Recipient> recipients) {

	/**
	 * A notification made for many users from one source event, in one record per
	 * partition of the inbox topic.
	 */
	public static final EventType<Broadcast> CREATED = EventType.named("notification.broadcast")
		.version(2)
		.on(Topics.NOTIFICATION_INBOX);

	/** Recipients in one record: about 25 KB of JSON, well under Kafka's 1 MB. */
	static final int MAX_RECIPIENTS = 250;

	public Broadcast {
		Objects.requireNonNull(draft, "a broadcast needs a draft");
		Objects.requireNonNull(createdAt, "a broadcast needs a creation time");
		if (recipients == null || recipients.isEmpty()) {
			throw new IllegalArgumentException("a broadcast needs at least one recipient");
		}
		recipients = List.copyOf(recipients);
	}

	/**
	 * Reads either version: version 2's draft, time and recipients, or version 1's
	 * notifications, which one instance made from one draft at one time.
	 */
	@JsonCreator
	static Broadcast read(@JsonProperty("draft") NotificationDraft draft, @JsonProperty("createdAt") Instant createdAt,
			@JsonProperty("recipients") List<Recipient> recipients,
			@JsonProperty("notifications") List<Notification> notifications) {
		return (recipients == null && notifications != null && !notifications.isEmpty()) ? fromVersion1(notifications)
				: new Broadcast(draft, createdAt, recipients);
	}

	/**
	 * A version 1 broadcast's notifications, made from one draft at one time.
	 * @throws IllegalArgumentException if they differ in more than their id and user
	 */
	private static Broadcast fromVersion1(List<Notification> made) {
		Notification first = made.get(0);
		NotificationDraft draft = new NotificationDraft(first.type(), first.title(), first.body(), first.link(),
				first.sourceEventId(), first.eventAt());
		Broadcast broadcast = new Broadcast(draft, first.createdAt(),
				made.stream().map((n) -> new Recipient(n.id(), n.userId())).toList());
		if (!broadcast.notifications().equals(made)) {
			throw new IllegalArgumentException("a broadcast's notifications may differ only in their id and user");
		}
		return broadcast;
	}

	/** Each recipient's notification, as announced (sequence number 0, unread). */
	public List<Notification> notifications() {
		return this.recipients.stream()
			.map((recipient) -> Notification.announced(recipient.id(), recipient.userId(), this.draft, this.createdAt))
			.toList();
	}

	/**
	 * One recipient.
	 *
	 * @param id the id of the recipient's notification
	 * @param userId the recipient
	 */
	public record Recipient(String id, String userId) {
	}

}
