package hub.ameen.crm.contact;

import java.time.Instant;
import java.util.List;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * A person the business works with, and the payload of their events on
 * {@link Topics#CONTACT}: the contact after the change, or before it for
 * {@link #DELETED}.
 *
 * @param id opaque, time-ordered id
 * @param firstName given name
 * @param lastName family name
 * @param email email address, may be null
 * @param phone phone number, may be null
 * @param companyId the company they belong to, may be null
 * @param tags free labels
 * @param ownerId the user who owns the relationship
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Contact(String id, String firstName, String lastName, String email, String phone, String companyId,
		List<String> tags, String ownerId, Instant createdAt, Instant updatedAt) {

	public static final EventType<Contact> CREATED = EventType.named("contact.created").on(Topics.CONTACT);

	public static final EventType<Contact> UPDATED = EventType.named("contact.updated").on(Topics.CONTACT);

	public static final EventType<Contact> DELETED = EventType.named("contact.deleted").on(Topics.CONTACT);

	public Contact {
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

}
