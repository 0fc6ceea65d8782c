package hub.ameen.notification.feed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feed's first page for a reader with 100,000 entries they may see (70,000 CRM,
 * 20,000 task and 10,000 of their own calendar entries, three streams to merge) among
 * 100,000 more of other people's calendar entries, on real LMDB files: the latency of
 * reading and writing as JSON a page of 50, p50/p99/max. Not part of the tests; run by
 * hand:
 *
 * <pre>
 * ./mvnw -B -pl notification-service -am test-compile -DskipTests
 * ./mvnw -B -pl notification-service exec:exec@feed-bench -Dbench.reads=20000
 * </pre>
 */
public final class FeedBenchmark {

	private FeedBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int reads = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		Path dir = Files.createTempDirectory("feed-bench");
		JsonMapper json = JsonMapper.builder().build();
		try (Store store = Store.open(StoreOptions.at(dir).withInitialMapSize(1L << 30))) {
			FeedStore feed = new FeedStore(store, json);
			CurrentUser reader = new CurrentUser("reader", null,
					Set.of("notifications:read", "crm:read", "tasks:read", "scheduler:read"));
			long fill = System.nanoTime();
			fill(store, feed, 70_000, "contact.created", List.of(FeedAudience.CRM));
			fill(store, feed, 20_000, "task.created", List.of(FeedAudience.TASKS));
			fill(store, feed, 10_000, "event.scheduled", FeedAudience.ofCalendarEvent("reader", List.of()));
			fill(store, feed, 100_000, "event.scheduled", FeedAudience.ofCalendarEvent("someone-else", List.of()));
			System.out.printf("filled %,d entries in %.1f s%n", feed.count(), (System.nanoTime() - fill) / 1e9);

			List<String> streams = FeedAudience.readableBy(reader, null);
			measure("warm-up", reads / 4, () -> firstPage(feed, json, streams));
			long[] nanos = measure("first page of 50", reads, () -> firstPage(feed, json, streams));
			report("first page of 50 (read + JSON)", nanos);
			String deep = feed.page(streams, 200, null, null).nextCursor();
			report("a page of 50 after the first 200",
					measure("deep", reads, () -> json.writeValueAsBytes(feed.page(streams, 50, deep, null))));
			report("first page of type task.created", measure("typed", reads,
					() -> json.writeValueAsBytes(feed.page(List.of(FeedAudience.TASKS), 50, null, "task.created"))));
		}
	}

	private static Object firstPage(FeedStore feed, JsonMapper json, List<String> streams) {
		Page<FeedEntry> page = feed.page(streams, 50, null, null);
		if (page.items().size() != 50) {
			throw new IllegalStateException("expected a full page");
		}
		return json.writeValueAsBytes(page);
	}

	private static void fill(Store store, FeedStore feed, int count, String type, List<String> streams) {
		Instant start = Instant.parse("2026-09-01T00:00:00Z");
		for (int done = 0; done < count; done += 10_000) {
			int from = done;
			store.writeAndWait((txn) -> {
				for (int i = from; i < Math.min(count, from + 10_000); i++) {
					Instant at = start.plusMillis(i * 37L + (type.hashCode() & 31));
					feed.add(txn,
							new FeedEntry(FeedEntry.idOf(at, UUID.randomUUID().toString()), type, "actor", at,
									new FeedEntry.About(FeedEntry.kindOf(type), "rec-" + i, "Record " + i), "created",
									"/records/" + i),
							streams);
				}
				return null;
			});
		}
	}

	private static long[] measure(String name, int times, java.util.function.Supplier<Object> work) {
		long[] nanos = new long[times];
		Object sink = null;
		for (int i = 0; i < times; i++) {
			long start = System.nanoTime();
			sink = work.get();
			nanos[i] = System.nanoTime() - start;
		}
		if (sink == null) {
			throw new IllegalStateException(name);
		}
		return nanos;
	}

	private static void report(String name, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf("%-36s n=%,d  p50 %.3f ms  p99 %.3f ms  max %.3f ms%n", name, sorted.length,
				sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
				sorted[sorted.length - 1] / 1e6);
	}

}
