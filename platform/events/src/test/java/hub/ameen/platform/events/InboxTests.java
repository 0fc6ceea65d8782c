package hub.ameen.platform.events;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import hub.ameen.platform.test.MutableClock;
import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;
import hub.ameen.platform.store.WriteTxn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The inbox on real LMDB files: an event id is applied once, a failing handler records
 * nothing, and ids past their retention are forgotten.
 */
class InboxTests {

	@TempDir
	Path dir;

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	Store store;

	Inbox inbox;

	Collection<String, Long> counts;

	@BeforeEach
	void open() {
		this.store = Store.open(StoreOptions.at(this.dir.resolve("service")));
		this.inbox = new Inbox(this.store, Duration.ofDays(14), this.clock);
		this.counts = this.store.collection("counts", Codec.utf8(), Codec.longKey());
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void anEventProcessedTwiceIsAppliedOnce() {
		EventEnvelope event = event();

		assertThat(this.inbox.process(event, this::count)).isTrue();
		assertThat(this.inbox.process(event, this::count)).isFalse();
		assertThat(this.inbox.processAsync(event, this::count).block()).isFalse();

		assertThat(this.counts.get(event.key())).contains(1L);
		assertThat(this.inbox.isProcessed(event.id())).isTrue();
		assertThat(this.inbox.applied()).isEqualTo(1);
		assertThat(this.inbox.duplicates()).isEqualTo(2);
	}

	@Test
	void aHandlerThatThrowsRecordsNothingSoTheEventCanBeRetried() {
		EventEnvelope event = event();

		assertThatThrownBy(() -> this.inbox.process(event, (txn, e) -> {
			count(txn, e);
			throw new IllegalStateException("not now");
		})).hasMessage("not now");

		assertThat(this.inbox.isProcessed(event.id())).isFalse();
		assertThat(this.counts.get(event.key())).isEmpty();
		assertThat(this.inbox.applied()).as("a rolled-back attempt is not counted").isZero();
		assertThat(this.inbox.processAsync(event, this::count).block()).isTrue();
		assertThat(this.counts.get(event.key())).contains(1L);
		assertThat(this.inbox.applied()).isEqualTo(1);
	}

	@Test
	void idsPastTheRetentionAreForgottenAndYoungerOnesKept() {
		List<EventEnvelope> old = IntStream.range(0, 2500).mapToObj((i) -> event()).toList();
		Flux.fromIterable(old).flatMap((event) -> this.inbox.processAsync(event, this::count)).blockLast();
		this.clock.advance(Duration.ofDays(10));
		EventEnvelope young = event();
		this.inbox.process(young, this::count);
		this.clock.advance(Duration.ofDays(5));

		assertThat(this.inbox.prune()).isEqualTo(2500);

		assertThat(old).noneMatch((event) -> this.inbox.isProcessed(event.id()));
		assertThat(this.inbox.isProcessed(young.id())).isTrue();
		assertThat(this.inbox.prune()).isZero();
	}

	private void count(WriteTxn txn, EventEnvelope event) {
		this.counts.put(txn, event.key(), this.counts.get(txn, event.key()).orElse(0L) + 1);
	}

	private static EventEnvelope event() {
		return EventEnvelope.of("thing.happened", 1, "thing-1", null, null, JsonMapper.shared());
	}

}
