package hub.ameen.crm.attachment;

import java.util.Map;
import java.util.function.BiFunction;

import hub.ameen.crm.common.Ownership;
import hub.ameen.crm.company.Company;
import hub.ameen.crm.contact.Contact;
import hub.ameen.crm.deal.Deal;
import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.files.Attachments;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.web.NotFoundException;

/**
 * The records files can be attached to, by the path segment that names their kind
 * ({@code deals}, {@code contacts}, {@code companies}); deleting one of them detaches and
 * deletes its files in the same transaction.
 */
class AttachableRecords {

	private final Map<String, Kind> kinds;

	private final Store store;

	AttachableRecords(Store store, Aggregate<Deal> deals, Aggregate<Contact> contacts, Aggregate<Company> companies,
			Attachments attachments) {
		this.store = store;
		this.kinds = Map.of("deals", new Kind("deal", "Deal", (txn, id) -> deals.get(txn, id).ownerId()), "contacts",
				new Kind("contact", "Contact", (txn, id) -> contacts.get(txn, id).ownerId()), "companies",
				new Kind("company", "Company", (txn, id) -> companies.get(txn, id).ownerId()));
		deals.onChange((txn, type, before, after, actorId) -> {
			if (type.equals(Deal.DELETED)) {
				attachments.detachAllIn(txn, "deal", before.id(), actorId);
			}
		});
		contacts.onChange((txn, type, before, after, actorId) -> {
			if (type.equals(Contact.DELETED)) {
				attachments.detachAllIn(txn, "contact", before.id(), actorId);
			}
		});
		companies.onChange((txn, type, before, after, actorId) -> {
			if (type.equals(Company.DELETED)) {
				attachments.detachAllIn(txn, "company", before.id(), actorId);
			}
		});
	}

	/** The kind the path segment names; 404 for any other. */
	Kind kind(String segment) {
		Kind kind = this.kinds.get(segment);
		if (kind == null) {
			throw new NotFoundException("Record kind", segment);
		}
		return kind;
	}

	/** Throws 404 unless the record of that kind exists, reading it now. */
	void requireExists(Kind kind, String id) {
		this.store.read((txn) -> {
			kind.requireExists(txn, id);
			return true;
		});
	}

	/** The kind files of the owner type belong to. */
	Kind kindOf(String ownerType) {
		return this.kinds.values()
			.stream()
			.filter((kind) -> kind.ownerType().equals(ownerType))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Record kind", ownerType));
	}

	/**
	 * One kind of record.
	 *
	 * @param ownerType the owner type the files library files it under
	 * @param label its name in problems
	 * @param ownerOf reads a record's owner, 404 when it does not exist
	 */
	record Kind(String ownerType, String label, BiFunction<ReadTxn, String, String> ownerOf) {

		/** Throws 404 unless the record exists. */
		void requireExists(ReadTxn txn, String id) {
			this.ownerOf.apply(txn, id);
		}

		/** Throws 404 unless the record exists, 403 unless the actor may change it. */
		void requireChangeable(ReadTxn txn, String id, CurrentUser actor) {
			Ownership.check(id, this.ownerOf.apply(txn, id), actor, this.label + " " + id);
		}

	}

}
