package hub.ameen.platform.events;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Index;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;
import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.platform.test.kafka.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An aggregate with a changelog, against real LMDB files and the shared broker: every
 * change leaves its latest state (a tombstone when deleted) on the compacted topic, and a
 * store opened empty is rebuilt from it, with its indexes and without announcing
 * anything; a store that is not empty is not, and an interrupted restore is done again.
 */
class ChangelogTests {

	record Thing(String id, String name, String owner) {
	}

	static final EventsProperties.RelaySettings FAST = new EventsProperties.RelaySettings(100, Duration.ofMillis(200),
			Duration.ofMillis(500));

	@TempDir
	Path dir;

	final String events = TopicReader.uniqueTopic("thing");

	final String changelog = this.events.replace(".v1", ".changelog");

	Store store;

	Outbox outbox;

	OutboxRelay relay;

	EventsProducer producer;

	Collection<String, Thing> things;

	Index<String, String, Thing> owners;

	@BeforeEach
	void topics() {
		TopicReader.create(1, this.events);
		// three partitions: a restore reads them one after another
		TopicReader.create(3, this.changelog);
		this.producer = new EventsProducer(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SharedKafka.bootstrapServers(), ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000));
	}

	@AfterEach
	void close() {
		closeStore();
		this.producer.destroy();
	}

	@Test
	void aWipedStoreIsRebuiltFromTheLatestStatesWithItsIndexesAndWithoutEvents() {
		Aggregate<Thing> things = open("first", true);
		things.create(new Thing("t1", "one", "ada"), "ada").block();
		things.create(new Thing("t2", "two", "ada"), "ada").block();
		things.create(new Thing("t3", "three", "bob"), "bob").block();
		// t1 gives its unique name up and t3 takes it: restored in partition order, the
		// older states would collide on the unique index
		things.update("t1", (t) -> new Thing("t1", "uno", "bob"), "bob").block();
		things.update("t3", (t) -> new Thing("t3", "one", "bob"), "bob").block();
		things.remove("t2", "ada").block();
		relayAll();

		try (TopicReader reader = new TopicReader(this.changelog)) {
			Map<String, List<ConsumerRecord<String, byte[]>>> byKey = reader.awaitCount(6)
				.stream()
				.collect(Collectors.groupingBy(ConsumerRecord::key));
			assertThat(byKey.get("t2")).last().satisfies((last) -> assertThat(last.value()).isNull());
			assertThat(JsonMapper.shared().readValue(byKey.get("t1").get(1).value(), Thing.class))
				.isEqualTo(new Thing("t1", "uno", "bob"));
		}
		closeStore();

		Aggregate<Thing> restored = open("wiped", true);
		assertThat(restored.find("t1")).contains(new Thing("t1", "uno", "bob"));
		assertThat(restored.find("t3")).contains(new Thing("t3", "one", "bob"));
		assertThat(restored.find("t2")).isEmpty();
		assertThat(restored.findBy("name", "one")).contains(new Thing("t3", "one", "bob"));
		assertThat(restored.findAllBy("owner", "bob")).extracting(Thing::id).containsExactly("t1", "t3");
		assertThat(restored.findAllBy("owner", "ada")).isEmpty();
		assertThat(this.outbox.backlog()).as("a restore announces nothing").isZero();
	}

	@Test
	void aStoreThatIsNotEmptyIsNotRestoredAndRecordsKeptBeforeTheChangelogAreSeeded() {
		Aggregate<Thing> before = open("old", false);
		before.create(new Thing("t1", "one", "ada"), "ada").block();
		relayAll();
		closeStore();

		// the same store, now with a changelog: its record is published once
		Aggregate<Thing> seeded = open("old", true);
		assertThat(this.outbox.oldest(10)).singleElement().satisfies((entry) -> {
			assertThat(entry.event()).isNull();
			assertThat(entry.state().key()).isEqualTo("t1");
		});
		relayAll();
		seeded.create(new Thing("t2", "two", "ada"), "ada").block();
		relayAll();
		closeStore();

		Aggregate<Thing> other = open("other", false);
		other.create(new Thing("t9", "nine", "eve"), "eve").block();
		closeStore();
		Aggregate<Thing> notRestored = open("other", true);
		assertThat(notRestored.find("t1")).as("a store that is not empty is seeded, not restored").isEmpty();
		relayAll();
		closeStore();

		Aggregate<Thing> restored = open("wiped", true);
		assertThat(restored.find("t1")).contains(new Thing("t1", "one", "ada"));
		assertThat(restored.find("t2")).contains(new Thing("t2", "two", "ada"));
		assertThat(restored.find("t9")).as("seeded by the other store").contains(new Thing("t9", "nine", "eve"));
		closeStore();

		// the "old" store again: in sync, so its changelog is not read back
		Aggregate<Thing> again = open("old", true);
		assertThat(again.find("t9")).isEmpty();
		assertThat(this.outbox.backlog()).isZero();
	}

	@Test
	void anInterruptedRestoreIsDoneAgainFromTheStart() {
		Aggregate<Thing> things = open("first", true);
		things.create(new Thing("t1", "one", "ada"), "ada").block();
		things.create(new Thing("t2", "two", "ada"), "ada").block();
		relayAll();
		closeStore();

		// what a restore stopped half-way leaves: its marker and a record it should not
		// keep (deleted since, say), indexed
		Aggregate<Thing> partial = open("wiped", false);
		partial.create(new Thing("t0", "stale", "ada"), "ada").block();
		var markers = this.store.collection(Changelog.MARKERS, Codec.utf8(), Codec.utf8());
		this.store.writeAndWait((txn) -> {
			markers.put(txn, this.changelog, Changelog.RESTORING);
			return null;
		});
		closeStore();

		Aggregate<Thing> restored = open("wiped", true);
		assertThat(restored.find("t0")).isEmpty();
		assertThat(restored.findBy("name", "stale")).isEmpty();
		assertThat(restored.findAllBy("owner", "ada")).extracting(Thing::id).containsExactly("t1", "t2");
	}

	@Test
	void aPlainCollectionWrittenThroughItsChangelogIsRebuiltWithItsIndexes() {
		ChangelogCollection<Thing> changelog = openCollection("first");
		this.store.writeAndWait((txn) -> {
			changelog.put(txn, "t1", new Thing("t1", "one", "ada"));
			assertThat(changelog.insert(txn, "t2", new Thing("t2", "two", "ada"))).isTrue();
			assertThat(changelog.insert(txn, "t2", new Thing("t2", "other", "bob"))).as("taken").isFalse();
			changelog.put(txn, "t3", new Thing("t3", "three", "bob"));
			return null;
		});
		this.store.writeAndWait((txn) -> {
			changelog.put(txn, "t1", new Thing("t1", "uno", "bob"));
			assertThat(changelog.delete(txn, "t2")).isTrue();
			assertThat(changelog.delete(txn, "t9")).as("none").isFalse();
			return null;
		});
		// one state per change, none for the refused insert and the missing id
		assertThat(this.outbox.backlog()).isEqualTo(5);
		relayAll();
		closeStore();

		openCollection("wiped");
		assertThat(this.things.get("t1")).contains(new Thing("t1", "uno", "bob"));
		assertThat(this.things.get("t2")).isEmpty();
		List<String> bobs = this.store.read((txn) -> this.owners.keys(txn, "bob"));
		assertThat(bobs).containsExactly("t1", "t3");
		assertThat(this.outbox.backlog()).as("a restore announces nothing").isZero();
	}

	/**
	 * The plain collection {@code things} in the named store, indexed by owner, written
	 * through its changelog.
	 */
	private ChangelogCollection<Thing> openCollection(String name) {
		this.store = Store.open(StoreOptions.at(this.dir.resolve(name)));
		this.outbox = new Outbox(this.store, () -> null,
				new ChangelogReader(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers())));
		Codec<Thing> codec = Codec.json(JsonMapper.shared(), Thing.class);
		this.things = this.store.collection("things", Codec.utf8(), codec);
		this.owners = this.things.index("owner", Codec.utf8(), (thing) -> List.of(thing.owner()));
		return ChangelogCollection.open(this.changelog, this.store, this.outbox, this.things, codec);
	}

	/** The aggregate in the named store, with or without its changelog. */
	private Aggregate<Thing> open(String name, boolean withChangelog) {
		this.store = Store.open(StoreOptions.at(this.dir.resolve(name)));
		this.outbox = new Outbox(this.store, () -> null,
				new ChangelogReader(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers())));
		Aggregate.Declaration<Thing> declaration = Aggregate.of(Thing.class)
			.collection("things")
			.id(Thing::id)
			.events(EventType.named("thing.created").on(this.events), EventType.named("thing.updated").on(this.events),
					EventType.named("thing.deleted").on(this.events))
			.uniqueIndex("name", Thing::name)
			.index("owner", Thing::owner);
		if (withChangelog) {
			declaration.changelog(this.changelog);
		}
		return declaration.open(this.store, this.outbox, JsonMapper.shared());
	}

	/** Publishes the outbox and waits until Kafka has all of it. */
	private void relayAll() {
		if (this.relay == null) {
			this.relay = new OutboxRelay(this.outbox, this.producer.template(), FAST);
			this.relay.start();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> this.outbox.backlog() == 0);
	}

	private void closeStore() {
		if (this.relay != null) {
			this.relay.stop();
			this.relay = null;
		}
		if (this.store != null) {
			this.store.close();
			this.store = null;
		}
	}

}
