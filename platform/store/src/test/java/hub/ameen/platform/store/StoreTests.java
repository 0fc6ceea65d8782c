package hub.ameen.platform.store;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store's tutorial: each test shows one capability, against real LMDB files.
 */
class StoreTests {

	record Contact(String id, String email, String name, List<String> tags) {
	}

	@TempDir
	Path dir;

	Store store;

	Collection<String, Contact> contacts;

	@BeforeEach
	void open() {
		this.store = Store.open(StoreOptions.at(this.dir.resolve("crm")));
		this.contacts = this.store.collection("contacts", Codec.utf8(),
				Codec.json(JsonMapper.builder().build(), Contact.class));
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void writtenRecordIsReadBackAfterReopen() {
		Contact ada = new Contact("c1", "ada@example.com", "Ada", List.of("vip"));
		String id = this.store.write((txn) -> {
			this.contacts.put(txn, ada.id(), ada);
			return ada.id();
		}).block();
		assertThat(id).isEqualTo("c1");
		this.store.close();

		this.store = Store.open(StoreOptions.at(this.dir.resolve("crm")));
		Collection<String, Contact> reopened = this.store.collection("contacts", Codec.utf8(),
				Codec.json(JsonMapper.builder().build(), Contact.class));
		assertThat(reopened.get("c1")).contains(ada);
		assertThat(reopened.get("missing")).isEmpty();
	}

	@Test
	void uniqueIndexFindsRecordAndRejectsSecondOwnerWithoutWritingIt() {
		Index<String, String, Contact> byEmail = this.contacts.uniqueIndex("email", Codec.utf8(), Contact::email);
		put(new Contact("c1", "ada@example.com", "Ada", List.of()));

		assertThatThrownBy(() -> put(new Contact("c2", "ada@example.com", "Imposter", List.of())))
			.isInstanceOf(StoreException.UniqueViolationException.class);

		assertThat(this.contacts.get("c2")).isEmpty();
		assertThat(this.store.<java.util.Optional<Contact>>read((txn) -> byEmail.first(txn, "ada@example.com")))
			.map(Contact::id)
			.contains("c1");
	}

	@Test
	void aKeyNoRecordCouldHaveFindsNothingInsteadOfFailing() {
		Index<String, String, Contact> byEmail = this.contacts.uniqueIndex("email", Codec.utf8(), Contact::email);
		put(new Contact("c1", "ada@example.com", "Ada", List.of()));
		String tooLong = "x".repeat(Bytes.MAX_KEY + 1);
		this.store.read((txn) -> {
			assertThat(this.contacts.get(txn, "")).isEmpty();
			assertThat(this.contacts.get(txn, tooLong)).isEmpty();
			assertThat(this.contacts.contains(txn, "")).isFalse();
			assertThat(byEmail.keys(txn, "")).isEmpty();
			assertThat(byEmail.first(txn, tooLong)).isEmpty();
			return null;
		});
	}

	@Test
	void indexFollowsUpdatesAndDeletes() {
		Index<String, String, Contact> byTag = this.contacts.index("tag", Codec.utf8(), Contact::tags);
		put(new Contact("c1", "a@x", "A", List.of("vip", "lead")));
		put(new Contact("c2", "b@x", "B", List.of("lead")));
		assertThat(this.store.<List<String>>read((txn) -> byTag.keys(txn, "lead"))).containsExactly("c1", "c2");

		put(new Contact("c1", "a@x", "A", List.of("vip")));
		this.store.writeAndWait((txn) -> this.contacts.delete(txn, "c2"));

		assertThat(this.store.<List<String>>read((txn) -> byTag.keys(txn, "lead"))).isEmpty();
		assertThat(this.store.<List<String>>read((txn) -> byTag.keys(txn, "vip"))).containsExactly("c1");
	}

	@Test
	void anIndexTellsWhetherAKeyHasARecordAndFollowsUpdates() {
		Index<String, String, Contact> byEmail = this.contacts.uniqueIndex("email", Codec.utf8(), Contact::email);
		Index<String, String, Contact> byTag = this.contacts.index("tag", Codec.utf8(), Contact::tags);
		put(new Contact("c1", "a@x", "A", List.of("vip")));
		put(new Contact("c1", "b@x", "A", List.of("lead")));
		this.store.read((txn) -> {
			assertThat(byEmail.contains(txn, "b@x")).isTrue();
			assertThat(byEmail.contains(txn, "a@x")).isFalse();
			assertThat(byTag.contains(txn, "lead")).isTrue();
			assertThat(byTag.contains(txn, "vip")).isFalse();
			assertThat(byEmail.contains(txn, "")).isFalse();
			return null;
		});
	}

	@Test
	void indexDeclaredLaterIsBuiltFromExistingRecords() {
		put(new Contact("c1", "a@x", "A", List.of("vip")));
		Index<String, String, Contact> byTag = this.contacts.index("tag", Codec.utf8(), Contact::tags);
		assertThat(this.store.<List<String>>read((txn) -> byTag.keys(txn, "vip"))).containsExactly("c1");
	}

	@Test
	void anIndexIsBuiltOnceNotAtEachOpenWhileNoRecordHasAKeyForIt() {
		IntStream.range(0, 10).forEach((i) -> put(contact(i)));
		AtomicInteger extracted = new AtomicInteger();
		Function<Contact, List<String>> noKeys = (contact) -> {
			extracted.incrementAndGet();
			return List.of();
		};
		Index<String, String, Contact> archived = this.contacts.index("archived", Codec.utf8(), noKeys);
		assertThat(extracted).hasValue(10);
		assertThat(this.store.<List<String>>read((txn) -> archived.keys(txn, "yes"))).isEmpty();
		this.store.close();

		this.store = Store.open(StoreOptions.at(this.dir.resolve("crm")));
		this.contacts = this.store.collection("contacts", Codec.utf8(),
				Codec.json(JsonMapper.builder().build(), Contact.class));
		this.contacts.index("archived", Codec.utf8(), noKeys);
		assertThat(extracted).as("records read again to build the still empty index").hasValue(10);
		put(contact(10));
		assertThat(extracted).hasValue(11);
	}

	@Test
	void readsAndWritesLendDirectBuffersInsteadOfAllocatingNativeMemoryEachTime() {
		Index<String, String, Contact> byEmail = this.contacts.uniqueIndex("email", Codec.utf8(), Contact::email);
		put(new Contact("c0", "c0@example.com", "Warm", List.of("a")));
		BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)
			.stream()
			.filter((pool) -> pool.getName().equals("direct"))
			.findFirst()
			.orElseThrow();
		long before = direct.getCount();
		String longName = "n".repeat(40_000); // above what a thread lends: a buffer of
												// its own
		this.store.write((txn) -> {
			for (int i = 1; i <= 2_000; i++) {
				this.contacts.put(txn, "c" + i, new Contact("c" + i, "c" + i + "@example.com", "N" + i, List.of()));
			}
			this.contacts.put(txn, "long", new Contact("long", "long@example.com", longName, List.of()));
			return null;
		}).block();
		for (int i = 1; i <= 2_000; i++) {
			assertThat(this.contacts.get("c" + i)).map(Contact::name).contains("N" + i);
		}
		long lent = direct.getCount() - before;

		// a record, an index entry and a key read back on this thread each lent a buffer,
		// yet
		// none was allocated for each: at most the few a thread keeps (the writer's and
		// this
		// one's)
		assertThat(lent).isLessThan(3 * Bytes.LENT);
		assertThat(this.contacts.get("long")).map(Contact::name).contains(longName);
		assertThat(this.store.<java.util.Optional<Contact>>read((txn) -> byEmail.first(txn, "c1999@example.com")))
			.map(Contact::id)
			.contains("c1999");
		assertThat(this.store.<java.util.Optional<Contact>>read((txn) -> byEmail.first(txn, "c1@example.com")))
			.map(Contact::id)
			.contains("c1");
	}

	@Test
	void pagesWalkEveryRecordOnceInBothDirections() {
		IntStream.range(0, 25).forEach((i) -> put(contact(i)));
		List<String> forward = walk(PageRequest.first(7));
		List<String> backward = walk(PageRequest.first(7).descendingOrder());

		assertThat(forward).hasSize(25).doesNotHaveDuplicates().isSorted();
		assertThat(backward).containsExactlyElementsOf(reversed(forward));
	}

	@Test
	void indexPagesAndFiltersWithinOneIndexKey() {
		Index<String, String, Contact> byTag = this.contacts.index("tag", Codec.utf8(), Contact::tags);
		IntStream.range(0, 10).forEach((i) -> put(contact(i)));
		put(new Contact("other", "o@x", "O", List.of("other")));

		Page<Contact> first = this.store
			.read((txn) -> byTag.page(txn, "t", PageRequest.first(3), (c) -> !c.id().equals("c01")));
		Page<Contact> second = this.store
			.read((txn) -> byTag.page(txn, "t", new PageRequest(50, first.nextCursor(), false), (c) -> true));

		assertThat(first.items()).extracting(Contact::id).containsExactly("c00", "c02", "c03");
		assertThat(second.items()).extracting(Contact::id).hasSize(6).doesNotContain("other");
		assertThat(second.nextCursor()).isNull();
	}

	@Test
	void prefixScansStayWithinOneOwnerAndResumeAfterAKey() {
		Collection<String, String> inbox = this.store.collection("inbox", Codec.utf8(), Codec.utf8());
		this.store.writeAndWait((txn) -> {
			for (String key : List.of("u1/001", "u1/002", "u1/003", "u10/001", "u2/001")) {
				inbox.put(txn, key, key);
			}
			return null;
		});
		List<String> after = new ArrayList<>();
		this.store.read((txn) -> {
			inbox.forEachWithPrefix(txn, "u1/", "u1/001", (key, value) -> after.add(key));
			return null;
		});
		Page<String> newestFirst = this.store
			.read((txn) -> inbox.page(txn, "u1/", PageRequest.first(2).descendingOrder(), (v) -> true));

		assertThat(after).containsExactly("u1/002", "u1/003");
		assertThat(newestFirst.items()).containsExactly("u1/003", "u1/002");
		assertThat(newestFirst.nextCursor()).isNotNull();
	}

	@Test
	void aCursorThatWasNotHandedOutIsRejected() {
		assertThatThrownBy(() -> this.store.read((txn) -> this.contacts.page(txn, new PageRequest(5, "%%%", false))))
			.isInstanceOf(PageRequest.InvalidCursorException.class)
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aFailingWriteDoesNotSpoilTheOthersInItsBatch() {
		List<Mono<String>> writes = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			Contact contact = contact(i);
			boolean fail = i % 10 == 3;
			writes.add(this.store.write((txn) -> {
				this.contacts.put(txn, contact.id(), contact);
				if (fail) {
					throw new IllegalStateException("rejected " + contact.id());
				}
				return contact.id();
			}).onErrorResume((ex) -> Mono.empty()));
		}
		List<String> written = Flux.merge(writes).collectList().block();

		assertThat(written).hasSize(45);
		assertThat(this.store.<Long>read((txn) -> this.contacts.count(txn))).isEqualTo(45);
		assertThat(this.contacts.get("c03")).isEmpty();
	}

	@Test
	void concurrentWritersAreBatchedIntoFewerCommits() {
		long before = this.store.stats().lastTransactionId();
		Set<String> ids = ConcurrentHashMap.newKeySet();
		Flux.range(0, 2000).flatMap((i) -> this.store.write((txn) -> {
			this.contacts.put(txn, "k" + i, contact(i));
			return "k" + i;
		}), 256).doOnNext(ids::add).blockLast();

		long commits = this.store.stats().lastTransactionId() - before;
		assertThat(ids).hasSize(2000);
		assertThat(commits).isLessThan(2000);
	}

	@Test
	void fullMapGrowsAndKeepsEveryWrite() {
		this.store.close();
		this.store = Store.open(StoreOptions.at(this.dir.resolve("small")).withInitialMapSize(1024 * 1024));
		Collection<Long, byte[]> blobs = this.store.collection("blobs", Codec.longKey(), Codec.bytes());
		for (long i = 0; i < 40; i++) {
			long key = i;
			this.store.writeAndWait((txn) -> {
				blobs.put(txn, key, new byte[100_000]);
				return null;
			});
		}
		assertThat(this.store.stats().mapSize()).isGreaterThan(1024 * 1024);
		assertThat(this.store.<Long>read((txn) -> blobs.count(txn))).isEqualTo(40);
	}

	@Test
	void longKeysSortNumericallyIncludingNegatives() {
		Collection<Long, String> timers = this.store.collection("timers", Codec.longKey(), Codec.utf8());
		for (long key : new long[] { 5, -3, 1_000_000_000_000L, 0 }) {
			this.store.writeAndWait((txn) -> {
				timers.put(txn, key, "t" + key);
				return null;
			});
		}
		List<Long> order = new ArrayList<>();
		this.store.read((txn) -> {
			timers.forEach(txn, 0L, (key, value) -> order.add(key));
			return null;
		});
		assertThat(order).containsExactly(0L, 5L, 1_000_000_000_000L);
	}

	@Test
	void backupIsAConsistentStoreOfItsOwn() {
		IntStream.range(0, 100).forEach((i) -> put(contact(i)));
		Path copy = this.dir.resolve("backup");
		this.store.backup(copy);
		put(contact(100));

		try (Store restored = Store.open(StoreOptions.at(copy))) {
			Collection<String, Contact> restoredContacts = restored.collection("contacts", Codec.utf8(),
					Codec.json(JsonMapper.builder().build(), Contact.class));
			assertThat(restored.<Long>read((txn) -> restoredContacts.count(txn))).isEqualTo(100);
		}
	}

	@Test
	void afterCommitActionsRunOnlyForWritesThatCommitted() {
		List<String> ran = new ArrayList<>();
		this.store.writeAndWait((txn) -> {
			txn.afterCommit(() -> ran.add("kept"));
			return null;
		});
		assertThatThrownBy(() -> this.store.writeAndWait((txn) -> {
			txn.afterCommit(() -> ran.add("dropped"));
			throw new IllegalStateException("no");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(ran).containsExactly("kept");
	}

	private List<String> walk(PageRequest first) {
		List<String> seen = new ArrayList<>();
		PageRequest request = first;
		while (true) {
			PageRequest current = request;
			Page<Contact> page = this.store.read((txn) -> this.contacts.page(txn, current));
			page.items().forEach((c) -> seen.add(c.id()));
			if (page.nextCursor() == null) {
				return seen;
			}
			request = new PageRequest(first.limit(), page.nextCursor(), first.descending());
		}
	}

	private static List<String> reversed(List<String> list) {
		List<String> copy = new ArrayList<>(list);
		java.util.Collections.reverse(copy);
		return copy;
	}

	private static Contact contact(int i) {
		return new Contact("c%02d".formatted(i), "c" + i + "@x", "C" + i, List.of("t"));
	}

	private void put(Contact contact) {
		this.store.writeAndWait((txn) -> {
			this.contacts.put(txn, contact.id(), contact);
			return null;
		});
	}

}
