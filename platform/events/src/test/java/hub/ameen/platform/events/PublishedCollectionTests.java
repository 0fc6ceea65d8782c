package hub.ameen.platform.events;

import java.nio.file.Path;
import java.util.List;

import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every change to a published collection leaves exactly one event in the outbox, in the
 * change's transaction.
 */
class PublishedCollectionTests {

	record Thing(String id, String name) {
	}

	@TempDir
	Path dir;

	Store store;

	Outbox outbox;

	PublishedCollection<Thing> things;

	@BeforeEach
	void open() {
		this.store = Store.open(StoreOptions.at(this.dir));
		this.outbox = new Outbox(this.store);
		this.things = new PublishedCollection<>(this.store, this.outbox, JsonMapper.shared(), "things", Thing.class,
				Thing::id, "hub.test.thing.v1", "thing");
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void saveAndRemoveAnnounceTheAggregateOnce() {
		this.store.writeAndWait(
				(txn) -> this.things.save(txn, new Thing("t1", "one"), PublishedCollection.Change.CREATED, "u1"));
		boolean updated = this.store
			.writeAndWait((txn) -> this.things.update(txn, "t1", (t) -> new Thing("t1", "uno"), "u1").isPresent());
		boolean updatedMissing = this.store
			.writeAndWait((txn) -> this.things.update(txn, "nope", (t) -> t, "u1").isPresent());
		boolean removed = this.store.writeAndWait((txn) -> this.things.remove(txn, "t1", "u2").isPresent());
		boolean removedAgain = this.store.writeAndWait((txn) -> this.things.remove(txn, "t1", "u2").isPresent());

		assertThat(updated).isTrue();
		assertThat(updatedMissing).isFalse();
		assertThat(removed).isTrue();
		assertThat(removedAgain).isFalse();
		assertThat(this.things.get("t1")).isEmpty();
		List<EventEnvelope> events = this.outbox.oldest(10).stream().map(Outbox.Entry::event).toList();
		assertThat(events).extracting(EventEnvelope::type)
			.containsExactly("thing.created", "thing.updated", "thing.deleted");
		assertThat(events).extracting(EventEnvelope::key).containsOnly("t1");
		assertThat(events.get(2).payload().get("name").asString()).isEqualTo("uno");
		assertThat(events.get(2).actorId()).isEqualTo("u2");
	}

	@Test
	void aFailedTransactionLeavesNeitherTheChangeNorItsEvent() {
		try {
			this.store.writeAndWait((txn) -> {
				this.things.save(txn, new Thing("t2", "two"), PublishedCollection.Change.CREATED, "u1");
				throw new IllegalStateException("rolled back");
			});
		}
		catch (IllegalStateException expected) {
			// the whole transaction is gone
		}
		assertThat(this.things.get("t2")).isEmpty();
		assertThat(this.outbox.backlog()).isZero();
	}

}
