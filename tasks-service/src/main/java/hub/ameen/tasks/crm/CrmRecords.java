package hub.ameen.tasks.crm;

import java.time.Duration;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.tasks.task.Task;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The CRM records (contacts, companies, deals) that exist, as crm-service's events told
 * them, keyed {@code type:id}. A record created a moment before the task that links to it
 * may not have arrived yet: {@link #awaitKnown} gives it a bounded wait.
 */
@Component
public class CrmRecords {

	private static final Duration POLL = Duration.ofMillis(25);

	private final Collection<String, String> records;

	private final Store store;

	private final Duration wait;

	CrmRecords(Store store, @Value("${hub.tasks.crm-record-wait:3s}") Duration wait) {
		this.store = store;
		this.records = store.collection("crm.records", Codec.utf8(), Codec.utf8());
		this.wait = wait;
	}

	/** Whether the record exists, as far as crm-service's events have said. */
	public boolean isKnown(Task.Related related) {
		return this.store.read((txn) -> isKnown(txn, related));
	}

	/** Whether the record exists, read in the caller's transaction. */
	public boolean isKnown(ReadTxn txn, Task.Related related) {
		return related != null && this.records.get(txn, key(related.type(), related.id())).isPresent();
	}

	/**
	 * Whether the record exists, waiting up to the configured time for its event when it
	 * is not known yet; never blocks a thread.
	 */
	public Mono<Boolean> awaitKnown(Task.Related related) {
		return Mono.fromCallable(() -> isKnown(related))
			.flatMap((known) -> known ? Mono.just(true)
					: Flux.interval(POLL)
						.map((tick) -> isKnown(related))
						.filter((now) -> now)
						.next()
						.timeout(this.wait, Mono.just(false)));
	}

	/** Records that the record exists, in the caller's transaction. */
	void keep(WriteTxn txn, String type, String id) {
		this.records.put(txn, key(type, id), type);
	}

	/** Forgets a deleted record, in the caller's transaction. */
	void forget(WriteTxn txn, String type, String id) {
		this.records.delete(txn, key(type, id));
	}

	private static String key(String type, String id) {
		return type + ":" + id;
	}

}
