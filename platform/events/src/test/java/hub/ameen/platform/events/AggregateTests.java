package hub.ameen.platform.events;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;
import hub.ameen.platform.web.ConflictException;
import hub.ameen.platform.web.NotFoundException;
import hub.ameen.platform.web.PageResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An aggregate keeps its record, its indexes and exactly one event per change in one
 * transaction, and answers 404 and 409 for a missing id and a taken unique value.
 */
class AggregateTests {

	record Thing(String id, String name, String owner, Instant at) {
	}

	static final EventType<Thing> CREATED = EventType.named("thing.created").on("hub.test.thing.v1");

	static final EventType<Thing> UPDATED = EventType.named("thing.updated").on("hub.test.thing.v1");

	static final EventType<Thing> DELETED = EventType.named("thing.deleted").on("hub.test.thing.v1");

	@TempDir
	Path dir;

	Store store;

	Outbox outbox;

	Aggregate<Thing> things;

	@BeforeEach
	void open() {
		this.store = Store.open(StoreOptions.at(this.dir));
		this.outbox = new Outbox(this.store);
		this.things = Aggregate.of(Thing.class)
			.collection("things")
			.id(Thing::id)
			.events(CREATED, UPDATED, DELETED)
			.index("owner", Thing::owner)
			.uniqueIndex("name", Thing::name)
			.indexEach("tag", (t) -> List.of(t.owner(), "all"))
			.orderedIndex("search", (t) -> java.util.Arrays.asList(t.name(), t.owner()))
			.open(this.store, this.outbox, JsonMapper.shared());
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void createUpdateAndRemoveAnnounceTheAggregateOnceEach() {
		this.things.create(thing("t1", "one", "u1"), "u1").block();
		this.things.update("t1", (t) -> new Thing("t1", "uno", t.owner(), t.at()), "u1").block();
		this.things.remove("t1", "u2").block();

		assertThatThrownBy(() -> this.things.get("t1")).isInstanceOf(NotFoundException.class);
		List<EventEnvelope> events = published();
		assertThat(events).extracting(EventEnvelope::type)
			.containsExactly("thing.created", "thing.updated", "thing.deleted");
		assertThat(events).extracting(EventEnvelope::key).containsOnly("t1");
		assertThat(events).extracting(EventEnvelope::version).containsOnly(1);
		assertThat(events).extracting(EventEnvelope::id).doesNotHaveDuplicates();
		assertThat(events.get(2).payload().get("name").asString()).isEqualTo("uno");
		assertThat(events.get(2).payload().get("at").asString()).isEqualTo("2026-11-22T10:00:00Z");
		assertThat(events.get(2).actorId()).isEqualTo("u2");
		assertThat(this.outbox.oldest(10)).extracting(Outbox.Entry::topic).containsOnly("hub.test.thing.v1");
	}

	@Test
	void updatingOrRemovingAMissingIdIsNotFoundAndAnnouncesNothing() {
		assertThatThrownBy(() -> this.things.update("nope", (t) -> t, "u1").block())
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.things.remove("nope", "u1").block()).isInstanceOf(NotFoundException.class);
		assertThat(this.outbox.backlog()).isZero();
	}

	@Test
	void aChangeTheCheckRefusesLeavesTheAggregateAndAnnouncesNothing() {
		this.things.create(thing("t1", "one", "u1"), "u1").block();
		assertThatThrownBy(() -> this.things.update("t1", (t) -> {
			throw new IllegalStateException("not yours");
		}, "u2").block()).hasMessageContaining("not yours");
		assertThatThrownBy(() -> this.things.remove("t1", (t) -> {
			throw new IllegalStateException("not yours");
		}, "u2").block()).hasMessageContaining("not yours");

		assertThat(this.things.get("t1").name()).isEqualTo("one");
		assertThat(published()).extracting(EventEnvelope::type).containsExactly("thing.created");
	}

	@Test
	void indexesFollowEveryChange() {
		this.things.create(thing("t1", "one", "u1"), "u1").block();
		this.things.create(thing("t2", "two", "u1"), "u1").block();
		this.things.create(thing("t3", "three", "u2"), "u2").block();
		this.things.update("t1", (t) -> new Thing("t1", "uno", "u2", t.at()), "u1").block();
		this.things.remove("t3", "u2").block();

		assertThat(this.things.newestFirst("owner", "u1", PageRequest.of(null, null), (t) -> true).items())
			.extracting(Thing::id)
			.containsExactly("t2");
		assertThat(this.things.newestFirst("owner", "u2", PageRequest.of(null, null), (t) -> true).items())
			.extracting(Thing::id)
			.containsExactly("t1");
		assertThat(this.things.findBy("name", "uno")).map(Thing::id).contains("t1");
		assertThat(this.things.findBy("name", "one")).isEmpty();
	}

	@Test
	void aTakenUniqueValueIsAConflictAndChangesNothing() {
		this.things.create(thing("t1", "one", "u1"), "u1").block();
		assertThatThrownBy(() -> this.things.create(thing("t2", "one", "u2"), "u2").block())
			.isInstanceOfSatisfying(ConflictException.class, (conflict) -> {
				assertThat(conflict.getBody().getDetail()).isEqualTo("Thing t1 already has this name");
				assertThat(conflict.getBody().getProperties()).containsEntry("existingId", "t1");
			});
		assertThatThrownBy(() -> this.things.get("t2")).isInstanceOf(NotFoundException.class);
		assertThat(published()).hasSize(1);
	}

	@Test
	void pagesAreNewestFirstAndFollowTheirCursor() {
		for (int i = 1; i <= 3; i++) {
			this.things.create(thing("t" + i, "n" + i, "u1"), "u1").block();
		}
		PageResponse<Thing> first = this.things.newestFirst("owner", "u1", PageRequest.of(2, null), (t) -> true);
		PageResponse<Thing> second = this.things.newestFirst("owner", "u1", PageRequest.of(2, first.nextCursor()),
				(t) -> true);

		assertThat(first.items()).extracting(Thing::id).containsExactly("t3", "t2");
		assertThat(second.items()).extracting(Thing::id).containsExactly("t1");
		assertThat(second.nextCursor()).isNull();
		assertThat(this.things.newestFirst(PageRequest.of(null, null), (t) -> !t.id().equals("t2")).items())
			.extracting(Thing::id)
			.containsExactly("t3", "t1");
	}

	@Test
	void anOrderedIndexFindsAPrefixInKeyOrderWhateverItsCaseEachAggregateOncePerPage() {
		this.things.create(thing("t1", "Maha", "ops"), "u1").block();
		this.things.create(thing("t2", "mazen", "sales"), "u1").block();
		this.things.create(thing("t3", "Omar", "marketing"), "u1").block();

		assertThat(this.things.search("search", "MA", PageRequest.of(null, null), (t) -> true).items())
			.extracting(Thing::id)
			.containsExactly("t1", "t3", "t2");
		assertThat(
				this.things.search("search", "ma", PageRequest.of(null, null).descendingOrder(), (t) -> true).items())
			.extracting(Thing::id)
			.containsExactly("t2", "t3", "t1");
		PageResponse<Thing> first = this.things.search("search", "", PageRequest.of(4, null), (t) -> true);
		PageResponse<Thing> rest = this.things.search("search", "", PageRequest.of(4, first.nextCursor()), (t) -> true);
		assertThat(first.items()).extracting(Thing::id).containsExactly("t1", "t3", "t2");
		assertThat(rest.items()).extracting(Thing::id).containsExactly("t1", "t2");
		this.things.update("t3", (t) -> new Thing("t3", "Zaid", "hr", t.at()), "u1").block();
		assertThat(this.things.search("search", "ma", PageRequest.of(null, null), (t) -> true).items())
			.extracting(Thing::id)
			.containsExactly("t1", "t2");
		assertThat(this.things.findAllBy("tag", "all")).extracting(Thing::id).containsExactly("t1", "t2", "t3");
		assertThat(this.things.countBy("tag", "ops")).isEqualTo(1);
	}

	@Test
	void aFollowerWritesInTheChangesTransactionAndCanRefuseIt() {
		List<String> seen = new java.util.ArrayList<>();
		this.things.onChange((txn, type, before, after, actorId) -> {
			seen.add(type.name() + ":" + ((before != null) ? before.name() : null) + "->"
					+ ((after != null) ? after.name() : null));
			if (after != null && after.name().equals("refused")) {
				throw new IllegalStateException("refused by a follower");
			}
		});
		this.things.create(thing("t1", "one", "u1"), "u1").block();
		this.things.update("t1", (t) -> new Thing("t1", "uno", t.owner(), t.at()), "u1").block();
		assertThatThrownBy(
				() -> this.things.update("t1", (t) -> new Thing("t1", "refused", t.owner(), t.at()), "u1").block())
			.hasMessageContaining("refused by a follower");
		this.things.remove("t1", "u1").block();

		assertThat(seen).containsExactly("thing.created:null->one", "thing.updated:one->uno",
				"thing.updated:uno->refused", "thing.deleted:uno->null");
		assertThat(published()).extracting(EventEnvelope::type)
			.containsExactly("thing.created", "thing.updated", "thing.deleted");
	}

	@Test
	void eventsOfOneAggregateMustShareATopic() {
		EventType<Thing> elsewhere = EventType.named("thing.deleted").on("hub.test.other.v1");
		assertThatIllegalArgumentException().isThrownBy(() -> Aggregate.of(Thing.class)
			.collection("others")
			.id(Thing::id)
			.events(CREATED, UPDATED, elsewhere)
			.open(this.store, this.outbox, JsonMapper.shared()));
	}

	@Test
	void anAnnouncementWithAStableIdKeepsIt() {
		this.store.writeAndWait((txn) -> this.outbox.publish(txn,
				CREATED.about("t9", thing("t9", "nine", "u1")).withId("reminder-t9-2026-11-22")));
		assertThat(published()).extracting(EventEnvelope::id).containsExactly("reminder-t9-2026-11-22");
		assertThat(published().get(0).actorId()).isNull();
	}

	@Test
	void anIdMadeFromWhatIdentifiesAnEventIsTheSameEachTimeAndItsInstantIsTheClocks() {
		Instant firedAt = Instant.parse("2026-11-22T09:45:00.012Z");
		this.store.writeAndWait((txn) -> {
			this.outbox.publish(txn, CREATED.about("t9", thing("t9", "nine", "u1")).withIdOf("t9", 15, 1L).at(firedAt));
			this.outbox.publish(txn, CREATED.about("t9", thing("t9", "nine", "u1")).withIdOf("t9", 15, 1L));
			return this.outbox.publish(txn, CREATED.about("t9", thing("t9", "nine", "u1")).withIdOf("t9", 15, 2L));
		});
		List<EventEnvelope> events = published();
		assertThat(events.get(0).id()).isEqualTo(events.get(1).id())
			.isEqualTo(java.util.UUID
				.nameUUIDFromBytes("thing.created|t9|15|1".getBytes(java.nio.charset.StandardCharsets.UTF_8))
				.toString())
			.isNotEqualTo(events.get(2).id());
		assertThat(events.get(0).occurredAt()).isEqualTo(firedAt);
		assertThat(events.get(1).occurredAt()).isNotEqualTo(firedAt);
	}

	@Test
	void oneTransactionSeesItsOwnChangesAndKeepsAllOrNone() {
		this.things.create(thing("t1", "one", "u1"), "u1").block();
		this.things.create(thing("t2", "two", "u1"), "u1").block();
		List<String> owners = this.things.inTransaction((txn) -> {
			this.things.updateIn(txn, new Thing("t1", "one", "u2", this.things.get(txn, "t1").at()), "u9");
			this.things.createIn(txn, thing("t3", "three", "u2"), "u9");
			return this.things.findAllBy(txn, "owner", "u2").stream().map(Thing::id).toList();
		}).block();
		assertThat(owners).containsExactly("t1", "t3");

		assertThatThrownBy(() -> this.things.inTransaction((txn) -> {
			this.things.updateIn(txn, new Thing("t2", "deux", "u2", this.things.get(txn, "t2").at()), "u9");
			return this.things.get(txn, "nope");
		}).block()).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(
				() -> this.things.inTransaction((txn) -> this.things.createIn(txn, thing("t4", "one", "u1"), "u9"))
					.block())
			.isInstanceOf(ConflictException.class);

		assertThat(this.things.get("t2").name()).isEqualTo("two");
		assertThat(this.things.findAllBy("owner", "u2")).extracting(Thing::id).containsExactly("t1", "t3");
		assertThat(published()).extracting(EventEnvelope::type)
			.containsExactly("thing.created", "thing.created", "thing.updated", "thing.created");
		java.util.Optional<Thing> missing = this.store.read((txn) -> this.things.find(txn, "t4"));
		assertThat(missing).isEmpty();
	}

	private List<EventEnvelope> published() {
		return this.outbox.oldest(10).stream().map(Outbox.Entry::event).toList();
	}

	private static Thing thing(String id, String name, String owner) {
		return new Thing(id, name, owner, Instant.parse("2026-11-22T10:00:00Z"));
	}

}
