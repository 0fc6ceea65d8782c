package hub.ameen.crm.company;

import hub.ameen.crm.common.ListQuery;
import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.web.PageResponse;

/**
 * The filters of a company list ({@code tag}, {@code ownerId}, {@code domain}), for the
 * list and its CSV export.
 *
 * @param tag only companies with this tag, or null
 * @param ownerId only companies this user owns, or null
 * @param domain only the company with this domain (in any form), or null
 */
public record CompanyFilters(String tag, String ownerId, String domain) {

	public static CompanyFilters of(String tag, String ownerId, String domain) {
		return new CompanyFilters(tag, ownerId, Company.normalizeDomain(domain));
	}

	/** One page of the companies that pass, through the most selective index. */
	public PageResponse<Company> list(Aggregate<Company> companies, ListQuery query) {
		return query.list(companies, ListQuery.indexed("domain", this.domain, "owner", this.ownerId, "tag", this.tag),
				(company) -> ListQuery.matches(this.domain, company.domain())
						&& ListQuery.matches(this.ownerId, company.ownerId())
						&& ListQuery.contains(this.tag, company.tags()));
	}

}
