package hub.ameen.crm.contact;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

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
 * @param title job title, may be null
 * @param companyId the company they belong to, may be null
 * @param tags free labels
 * @param ownerId the user who owns the relationship
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Contact(String id, String firstName, String lastName, String email, String phone, String title,
		String companyId, List<String> tags, String ownerId, Instant createdAt, Instant updatedAt) {

	public static final EventType<Contact> CREATED = EventType.named("contact.created").on(Topics.CONTACT);

	public static final EventType<Contact> UPDATED = EventType.named("contact.updated").on(Topics.CONTACT);

	public static final EventType<Contact> DELETED = EventType.named("contact.deleted").on(Topics.CONTACT);

	/**
	 * Someone gave the contact to another owner (also sent when created for someone
	 * else).
	 */
	public static final EventType<Contact> ASSIGNED = EventType.named("contact.assigned").on(Topics.CONTACT);

	/** The email as contacts are matched on it: lower case, or null. */
	public String emailKey() {
		return (this.email != null && !this.email.isBlank()) ? this.email.strip().toLowerCase(Locale.ROOT) : null;
	}

	/** The contact after its company was deleted. */
	public Contact withoutCompany() {
		return new Contact(this.id, this.firstName, this.lastName, this.email, this.phone, this.title, null, this.tags,
				this.ownerId, this.createdAt, this.updatedAt);
	}

	/** First and last name, as shown and sorted. */
	public String fullName() {
		return (this.lastName != null && !this.lastName.isBlank()) ? this.firstName + " " + this.lastName
				: this.firstName;
	}

	public Contact {
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

}
