package hub.ameen.crm.activity;

import java.time.Clock;
import java.util.Locale;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.WriteTxn;

/**
 * Writes the system's own timeline entries, inside the transaction of the change they
 * record, so a timeline never misses or invents one.
 */
public class Timeline {

	private static final ThreadLocal<String> IMPORT = new ThreadLocal<>();

	private final Aggregate<Activity> activities;

	private final Clock clock;

	Timeline(Aggregate<Activity> activities, Clock clock) {
		this.activities = activities;
		this.clock = clock;
	}

	/** The start of a record's keys in the {@code timeline} index. */
	static String prefix(String kind, String id) {
		return kind + ":" + id.toLowerCase(Locale.ROOT) + "/";
	}

	/**
	 * Records a system entry.
	 * @param txn the change's transaction
	 * @param event {@code created}, {@code stage-changed}, {@code merged},
	 * {@code imported}
	 * @param subject what happened, in words
	 * @param about the record it is about
	 * @param actorId who caused it
	 */
	public void record(WriteTxn txn, String event, String subject, About about, String actorId) {
		var now = this.clock.instant();
		this.activities.createIn(txn, new Activity(Ids.next(), Activity.SYSTEM, event, subject, null, now,
				about.contactId(), about.companyId(), about.dealId(), actorId, now, now), actorId);
	}

	/**
	 * Runs the work (inside a write transaction, on its thread) as part of an import, so
	 * that what it creates is recorded as {@code imported} rather than {@code created}.
	 */
	public <T> T asImport(String importId, java.util.function.Supplier<T> work) {
		IMPORT.set(importId);
		try {
			return work.get();
		}
		finally {
			IMPORT.remove();
		}
	}

	/** Records that a record was created, or imported when an import created it. */
	void created(WriteTxn txn, String what, About about, String actorId) {
		String importId = IMPORT.get();
		if (importId != null) {
			record(txn, "imported", what + " imported by import " + importId, about, actorId);
		}
		else {
			record(txn, "created", what + " created", about, actorId);
		}
	}

	/**
	 * The records one entry is about.
	 *
	 * @param contactId a contact, or null
	 * @param companyId a company, or null
	 * @param dealId a deal, or null
	 */
	public record About(String contactId, String companyId, String dealId) {

		public static About contact(String id) {
			return new About(id, null, null);
		}

		public static About company(String id) {
			return new About(null, id, null);
		}

	}

}
