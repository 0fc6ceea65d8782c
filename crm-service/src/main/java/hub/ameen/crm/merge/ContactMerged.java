package hub.ameen.crm.merge;

import hub.ameen.crm.contact.Contact;
import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * A duplicate was folded into a contact, the payload of {@link #MERGED} on
 * {@link Topics#CONTACT} (keyed by the kept contact).
 *
 * @param contactId the contact kept
 * @param duplicateId the contact folded in and deleted
 * @param movedDealIds the deals that now name the kept contact
 * @param movedActivityIds the activities now on the kept contact's timeline
 * @param contact the kept contact after the merge
 */
public record ContactMerged(String contactId, String duplicateId, java.util.List<String> movedDealIds,
		java.util.List<String> movedActivityIds, Contact contact) {

	public static final EventType<ContactMerged> MERGED = EventType.named("contact.merged").on(Topics.CONTACT);

}
