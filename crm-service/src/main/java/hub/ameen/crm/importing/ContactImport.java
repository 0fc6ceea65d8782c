package hub.ameen.crm.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import hub.ameen.crm.company.Company;
import hub.ameen.crm.contact.Contact;
import hub.ameen.crm.contact.CreateContactRequest;
import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.store.ReadTxn;
import jakarta.validation.Validator;

/**
 * Contacts in CSV: matched on their email, whatever its case; a {@code companyId} must
 * name a company.
 */
final class ContactImport implements ImportKind<Contact> {

	private final Aggregate<Contact> contacts;

	private final Aggregate<Company> companies;

	private final Validator validator;

	ContactImport(Aggregate<Contact> contacts, Aggregate<Company> companies, Validator validator) {
		this.contacts = contacts;
		this.companies = companies;
		this.validator = validator;
	}

	@Override
	public String entity() {
		return "contacts";
	}

	@Override
	public List<String> columns() {
		return List.of("firstName", "lastName", "email", "phone", "title", "companyId", "tags", "ownerId");
	}

	@Override
	public String matchColumn() {
		return "email";
	}

	@Override
	public String matchIndex() {
		return "email";
	}

	@Override
	public String matchKey(Map<String, String> cells) {
		String email = cells.get("email");
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : null;
	}

	@Override
	public Aggregate<Contact> records() {
		return this.contacts;
	}

	@Override
	public String id(Contact record) {
		return record.id();
	}

	@Override
	public Contact build(ReadTxn txn, Map<String, String> cells, Contact current, String id, String actorId,
			Instant now, long row, List<ImportJob.RowError> errors) {
		Map<String, String> merged = Cells.overlay((current != null) ? cells(current) : Map.of(), cells);
		CreateContactRequest request = new CreateContactRequest(merged.get("firstName"), merged.get("lastName"),
				merged.get("email"), merged.get("phone"), merged.get("title"), merged.get("companyId"),
				Cells.tags(merged.get("tags")), merged.get("ownerId"));
		int before = errors.size();
		ImportKind.addViolations(this.validator.validate(request), row, errors);
		if (request.companyId() != null && this.companies.find(txn, request.companyId()).isEmpty()) {
			errors.add(new ImportJob.RowError(row, "companyId", "no such company: " + request.companyId()));
		}
		if (errors.size() > before) {
			return null;
		}
		Contact built = request.toContact(id, actorId, now);
		return (current == null) ? built
				: new Contact(built.id(), built.firstName(), built.lastName(), built.email(), built.phone(),
						built.title(), built.companyId(), built.tags(), built.ownerId(), current.createdAt(), now);
	}

	@Override
	public Map<String, String> cells(Contact contact) {
		Map<String, String> cells = new LinkedHashMap<>();
		cells.put("firstName", contact.firstName());
		cells.put("lastName", contact.lastName());
		cells.put("email", contact.email());
		cells.put("phone", contact.phone());
		cells.put("title", contact.title());
		cells.put("companyId", contact.companyId());
		cells.put("tags", String.join(";", contact.tags()));
		cells.put("ownerId", contact.ownerId());
		return cells;
	}

	@Override
	public ImportRow updated(long row, Contact before) {
		return new ImportRow(row, ImportRow.UPDATED, before.id(), before, null, new ArrayList<>());
	}

	@Override
	public hub.ameen.crm.activity.Timeline.About about(String id) {
		return hub.ameen.crm.activity.Timeline.About.contact(id);
	}

	@Override
	public Contact before(ImportRow row) {
		return row.contactBefore();
	}

}
