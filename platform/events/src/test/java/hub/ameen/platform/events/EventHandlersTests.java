package hub.ameen.platform.events;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;
import hub.ameen.platform.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A consumer's handlers read each named type into the consumer's own record and apply it
 * once; other types are skipped.
 */
class EventHandlersTests {

	/** The consumer's record: fewer fields than the producer sends. */
	record Named(String name) {

		Named {
			if (name == null) {
				throw new IllegalArgumentException("a name is required");
			}
		}

	}

	@TempDir
	Path dir;

	Store store;

	Collection<String, String> names;

	EventHandlers handlers;

	@BeforeEach
	void open() {
		this.store = Store.open(StoreOptions.at(this.dir));
		this.names = this.store.collection("names", Codec.utf8(), Codec.utf8());
		Inbox inbox = new Inbox(this.store, Duration.ofDays(1), new MutableClock(Instant.EPOCH));
		this.handlers = EventHandlers.through(inbox, JsonMapper.shared())
			.on("thing.created", Named.class, (txn, event, thing) -> this.names.put(txn, event.key(), thing.name()));
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void aHandledTypeIsAppliedOnceAndOthersAreSkipped() {
		EventEnvelope created = event("e1", "thing.created", Map.of("name", "one", "extra", 1));
		assertThat(this.handlers.handle(created)).isTrue();
		assertThat(this.handlers.handle(created)).isFalse();
		assertThat(this.handlers.handle(event("e2", "thing.renamed", Map.of("name", "uno")))).isFalse();
		assertThat(this.names.get("t1")).contains("one");
	}

	@Test
	void aPayloadThatDoesNotReadThrowsAndRecordsNothingSoItCanBeRetried() {
		EventEnvelope bad = event("e3", "thing.created", Map.of("other", "x"));
		assertThatThrownBy(() -> this.handlers.handle(bad)).isNotNull();
		assertThat(this.names.get("t1")).isEmpty();
		assertThat(this.handlers.handle(event("e3", "thing.created", Map.of("name", "fixed")))).isTrue();
	}

	private static EventEnvelope event(String id, String type, Object payload) {
		return new EventEnvelope(id, type, 1, Instant.EPOCH, "t1", null, JsonMapper.shared().valueToTree(payload));
	}

}
