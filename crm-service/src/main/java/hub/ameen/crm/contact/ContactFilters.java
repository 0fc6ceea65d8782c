package hub.ameen.crm.contact;

import hub.ameen.crm.common.ListQuery;
import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.web.PageResponse;

/**
 * The filters of a contact list ({@code companyId}, {@code tag}, {@code ownerId}), for
 * the list and its CSV export.
 *
 * @param companyId only contacts at this company, or null
 * @param tag only contacts with this tag, or null
 * @param ownerId only contacts this user owns, or null
 */
public record ContactFilters(String companyId, String tag, String ownerId) {

	public static ContactFilters of(String companyId, String tag, String ownerId) {
		return new ContactFilters(companyId, tag, ownerId);
	}

	/** One page of the contacts that pass, through the most selective index. */
	public PageResponse<Contact> list(Aggregate<Contact> contacts, ListQuery query) {
		return query.list(contacts,
				ListQuery.indexed("company", this.companyId, "owner", this.ownerId, "tag", this.tag),
				(contact) -> ListQuery.matches(this.companyId, contact.companyId())
						&& ListQuery.matches(this.ownerId, contact.ownerId())
						&& ListQuery.contains(this.tag, contact.tags()));
	}

}
