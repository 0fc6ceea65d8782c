package hub.ameen.crm.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.Keys;

/**
 * Something that happened with a contact, company or deal, and the payload of its events
 * on {@link Topics#ACTIVITY}. People log notes, calls, emails and meetings; the system
 * logs {@code system} entries whose {@code event} says what it did.
 *
 * @param id opaque, time-ordered id
 * @param type {@code note}, {@code call}, {@code email}, {@code meeting} or
 * {@code system}
 * @param event for a system entry: {@code created}, {@code stage-changed}, {@code merged}
 * or {@code imported}; else null
 * @param subject a short line
 * @param body the text, may be null
 * @param occurredAt when it happened (timelines are ordered by it)
 * @param contactId the contact it is about, may be null
 * @param companyId the company it is about, may be null
 * @param dealId the deal it is about, may be null
 * @param ownerId who logged it (for a system entry, who caused it)
 * @param createdAt when it was logged
 * @param updatedAt when it last changed
 */
public record Activity(String id, String type, String event, String subject, String body, Instant occurredAt,
		String contactId, String companyId, String dealId, String ownerId, Instant createdAt, Instant updatedAt) {

	public static final EventType<Activity> CREATED = EventType.named("activity.created").on(Topics.ACTIVITY);

	public static final EventType<Activity> UPDATED = EventType.named("activity.updated").on(Topics.ACTIVITY);

	public static final EventType<Activity> DELETED = EventType.named("activity.deleted").on(Topics.ACTIVITY);

	/** The type of the system's own entries. */
	public static final String SYSTEM = "system";

	/**
	 * Its keys in the {@code timeline} index: one per record it is about, then the time.
	 */
	List<String> timelineKeys() {
		String at = Keys.zeroPadded(this.occurredAt.toEpochMilli(), 15);
		List<String> keys = new ArrayList<>(3);
		if (this.contactId != null) {
			keys.add(Timeline.prefix("contact", this.contactId) + at);
		}
		if (this.companyId != null) {
			keys.add(Timeline.prefix("company", this.companyId) + at);
		}
		if (this.dealId != null) {
			keys.add(Timeline.prefix("deal", this.dealId) + at);
		}
		return keys;
	}

	/** The same activity about another contact (a merge moves it). */
	public Activity forContact(String contactId, Instant now) {
		return new Activity(this.id, this.type, this.event, this.subject, this.body, this.occurredAt, contactId,
				this.companyId, this.dealId, this.ownerId, this.createdAt, now);
	}

}
