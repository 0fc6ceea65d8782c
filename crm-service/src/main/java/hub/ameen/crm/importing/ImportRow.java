package hub.ameen.crm.importing;

import java.util.List;

import hub.ameen.crm.company.Company;
import hub.ameen.crm.contact.Contact;

/**
 * What an import did (or, in a dry run, would do) with one row, and what it needs to
 * revert it: the record as it was before an update.
 *
 * @param row the data row, from 1
 * @param outcome {@code created}, {@code updated}, {@code unchanged} or {@code failed}
 * @param recordId the record created or matched, or null
 * @param contactBefore the contact before an update, or null
 * @param companyBefore the company before an update, or null
 * @param errors why it failed
 */
public record ImportRow(long row, String outcome, String recordId, Contact contactBefore, Company companyBefore,
		List<ImportJob.RowError> errors) {

	static final String CREATED = "created";

	static final String UPDATED = "updated";

	static final String UNCHANGED = "unchanged";

	static final String FAILED = "failed";

	public ImportRow {
		errors = (errors != null) ? List.copyOf(errors) : List.of();
	}

	static ImportRow failed(long row, List<ImportJob.RowError> errors) {
		return new ImportRow(row, FAILED, null, null, null, errors);
	}

}
