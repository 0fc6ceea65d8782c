package hub.ameen.crm.contact;

import java.time.Clock;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.PublishedCollection;
import hub.ameen.platform.events.PublishedCollection.Change;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.web.NotFoundException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Keeps contacts and publishes {@code contact.created|updated|deleted} on
 * {@code hub.crm.contact.v1} in the same transaction.
 */
@Service
class ContactService {

	static final String TOPIC = Topics.name("crm", "contact", 1);

	private final Store store;

	private final PublishedCollection<Contact> contacts;

	private final Clock clock;

	ContactService(Store store, Outbox outbox, JsonMapper json, Clock clock) {
		this.store = store;
		this.contacts = new PublishedCollection<>(store, outbox, json, "contacts", Contact.class, Contact::id, TOPIC,
				"contact");
		this.clock = clock;
	}

	Mono<Contact> create(ContactRequest request, String actorId) {
		Contact contact = request.toContact(Ids.next(), actorId, this.clock.instant());
		return this.store.write((txn) -> this.contacts.save(txn, contact, Change.CREATED, actorId));
	}

	Mono<Contact> get(String id) {
		return Mono.fromCallable(() -> this.contacts.get(id).orElseThrow(() -> notFound(id)));
	}

	Page<Contact> list(PageRequest request) {
		return this.contacts.newestFirst(request, (contact) -> true);
	}

	Mono<Contact> update(String id, ContactRequest change, String actorId) {
		return this.store.write((txn) -> this.contacts
			.update(txn, id, (current) -> change.applyTo(current, this.clock.instant()), actorId)
			.orElseThrow(() -> notFound(id)));
	}

	Mono<Void> delete(String id, String actorId) {
		return this.store.write((txn) -> this.contacts.remove(txn, id, actorId).orElseThrow(() -> notFound(id))).then();
	}

	private static NotFoundException notFound(String id) {
		return new NotFoundException("Contact", id);
	}

}
