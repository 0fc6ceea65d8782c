package hub.ameen.platform.events;

import java.util.Optional;
import java.util.function.Function;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import tools.jackson.databind.json.JsonMapper;

/**
 * A collection of aggregates whose every change is announced: saving or removing one also
 * appends {@code <kind>.created|updated|deleted} (the aggregate as it is after the
 * change, or was before a removal) to the outbox, in the same transaction.
 *
 * <pre>{@code
 * contacts = new PublishedCollection<>(store, outbox, json, "contacts", Contact.class, Contact::id,
 *         Topics.name("crm", "contact", 1), "contact");
 * store.write(txn -> contacts.save(txn, contact, PublishedCollection.Change.CREATED, actorId));
 * }</pre>
 *
 * @param <V> the aggregate type, kept as JSON and keyed by its id
 */
public final class PublishedCollection<V> {

	/** What happened to an aggregate. */
	public enum Change {

		CREATED("created"), UPDATED("updated");

		private final String suffix;

		Change(String suffix) {
			this.suffix = suffix;
		}

	}

	private final Store store;

	private final Outbox outbox;

	private final JsonMapper json;

	private final Collection<String, V> collection;

	private final Function<V, String> idOf;

	private final String topic;

	private final String kind;

	public PublishedCollection(Store store, Outbox outbox, JsonMapper json, String name, Class<V> type,
			Function<V, String> idOf, String topic, String kind) {
		this.store = store;
		this.outbox = outbox;
		this.json = json;
		this.collection = store.collection(name, Codec.utf8(), Codec.json(json, type));
		this.idOf = idOf;
		this.topic = topic;
		this.kind = kind;
	}

	public Optional<V> get(String id) {
		return this.collection.get(id);
	}

	public Optional<V> get(ReadTxn txn, String id) {
		return this.collection.get(txn, id);
	}

	/** One page of the aggregates, newest first when their ids are time-ordered. */
	public Page<V> newestFirst(PageRequest request, java.util.function.Predicate<V> filter) {
		return this.store.read((txn) -> this.collection.page(txn, request.descendingOrder(), filter));
	}

	public V save(WriteTxn txn, V value, Change change, String actorId) {
		this.collection.put(txn, this.idOf.apply(value), value);
		publish(txn, this.kind + "." + change.suffix, value, actorId);
		return value;
	}

	/**
	 * Applies the change to the stored aggregate and announces it; empty when there was
	 * none.
	 */
	public Optional<V> update(WriteTxn txn, String id, java.util.function.UnaryOperator<V> change, String actorId) {
		return this.collection.get(txn, id).map((current) -> save(txn, change.apply(current), Change.UPDATED, actorId));
	}

	/** Removes the aggregate and announces it; empty when there was none. */
	public Optional<V> remove(WriteTxn txn, String id, String actorId) {
		Optional<V> current = this.collection.get(txn, id);
		current.ifPresent((value) -> {
			this.collection.delete(txn, id);
			publish(txn, this.kind + ".deleted", value, actorId);
		});
		return current;
	}

	private void publish(WriteTxn txn, String type, V value, String actorId) {
		this.outbox.append(txn, this.topic,
				EventEnvelope.of(type, 1, this.idOf.apply(value), actorId, value, this.json));
	}

}
