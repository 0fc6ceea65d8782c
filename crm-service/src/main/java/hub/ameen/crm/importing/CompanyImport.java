package hub.ameen.crm.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import hub.ameen.crm.company.Company;
import hub.ameen.crm.company.CreateCompanyRequest;
import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.store.ReadTxn;
import jakarta.validation.Validator;

/**
 * Companies in CSV: matched on their domain, with scheme, {@code www.} and path dropped.
 */
final class CompanyImport implements ImportKind<Company> {

	private final Aggregate<Company> companies;

	private final Validator validator;

	CompanyImport(Aggregate<Company> companies, Validator validator) {
		this.companies = companies;
		this.validator = validator;
	}

	@Override
	public String entity() {
		return "companies";
	}

	@Override
	public List<String> columns() {
		return List.of("name", "domain", "industry", "size", "phone", "address", "tags", "ownerId");
	}

	@Override
	public String matchColumn() {
		return "domain";
	}

	@Override
	public String matchIndex() {
		return "domain";
	}

	@Override
	public String matchKey(Map<String, String> cells) {
		return Company.normalizeDomain(cells.get("domain"));
	}

	@Override
	public Aggregate<Company> records() {
		return this.companies;
	}

	@Override
	public String id(Company record) {
		return record.id();
	}

	@Override
	public Company build(ReadTxn txn, Map<String, String> cells, Company current, String id, String actorId,
			Instant now, long row, List<ImportJob.RowError> errors) {
		Map<String, String> merged = Cells.overlay((current != null) ? cells(current) : Map.of(), cells);
		CreateCompanyRequest request = new CreateCompanyRequest(merged.get("name"), merged.get("domain"),
				merged.get("industry"), merged.get("size"), merged.get("phone"), merged.get("address"),
				Cells.tags(merged.get("tags")), merged.get("ownerId"));
		int before = errors.size();
		ImportKind.addViolations(this.validator.validate(request), row, errors);
		if (errors.size() > before) {
			return null;
		}
		Company built = request.toCompany(id, actorId, now);
		return (current == null) ? built : new Company(built.id(), built.name(), built.domain(), built.industry(),
				built.size(), built.phone(), built.address(), built.tags(), built.ownerId(), current.createdAt(), now);
	}

	@Override
	public Map<String, String> cells(Company company) {
		Map<String, String> cells = new LinkedHashMap<>();
		cells.put("name", company.name());
		cells.put("domain", company.domain());
		cells.put("industry", company.industry());
		cells.put("size", company.size());
		cells.put("phone", company.phone());
		cells.put("address", company.address());
		cells.put("tags", String.join(";", company.tags()));
		cells.put("ownerId", company.ownerId());
		return cells;
	}

	@Override
	public ImportRow updated(long row, Company before) {
		return new ImportRow(row, ImportRow.UPDATED, before.id(), null, before, new ArrayList<>());
	}

	@Override
	public hub.ameen.crm.activity.Timeline.About about(String id) {
		return hub.ameen.crm.activity.Timeline.About.company(id);
	}

	@Override
	public Company before(ImportRow row) {
		return row.companyBefore();
	}

}
