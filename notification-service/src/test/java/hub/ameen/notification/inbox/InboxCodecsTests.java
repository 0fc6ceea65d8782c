package hub.ameen.notification.inbox;

import java.nio.ByteBuffer;
import java.time.Instant;

import hub.ameen.platform.store.Codec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class InboxCodecsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final Codec<Notification> notifications = InboxCodecs.notifications(this.json);

	private final Codec<UserCounters> counters = InboxCodecs.counters(this.json);

	private static final Notification READ = new Notification("3f1c-id", "u01JD6X", 42, "reminder.due",
			"Réunion — all hands 🎉", "Starts in 15 minutes", "/calendar/events/01JF?occurrence=2026-12-02T10:15:00Z",
			Instant.parse("2026-12-02T10:00:00.123456789Z"), Instant.parse("2026-12-02T10:05:00Z"), "9a2b-source",
			Instant.parse("2026-12-02T10:00:00Z"));

	private static final Notification UNREAD_WITHOUT_LINK = new Notification("id-2", "u2", 0, "task.assigned",
			"Assigned", "", null, Instant.ofEpochSecond(-5, 1), null, "source-2", null);

	@Test
	void aNotificationReadsBackAsItWasWrittenWhateverItsFieldsHold() {
		assertThat(roundTrip(this.notifications, READ)).isEqualTo(READ);
		assertThat(roundTrip(this.notifications, UNREAD_WITHOUT_LINK)).isEqualTo(UNREAD_WITHOUT_LINK);
	}

	@Test
	void theCodecsKnowEveryFieldOfTheirRecords() {
		// a field added to either record must be added to its codec (and its format's
		// version raised): this fails first
		assertThat(Notification.class.getRecordComponents()).hasSize(11);
		assertThat(UserCounters.class.getRecordComponents()).hasSize(2);
	}

	@Test
	void recordsKeptAsJsonBeforeAreStillRead() {
		assertThat(this.notifications.decode(direct(this.json.writeValueAsBytes(READ)))).isEqualTo(READ);
		UserCounters kept = new UserCounters(981, 7);
		assertThat(this.counters.decode(direct(this.json.writeValueAsBytes(kept)))).isEqualTo(kept);
	}

	@Test
	void countersReadBackAsTheyWereWritten() {
		UserCounters counters = new UserCounters(Long.MAX_VALUE, 123);
		assertThat(roundTrip(this.counters, counters)).isEqualTo(counters);
		assertThat(this.counters.encode(counters)).hasSize(17);
	}

	@Test
	void aBinaryNotificationIsSmallerThanItsJson() {
		assertThat(this.notifications.encode(READ)).hasSizeLessThan(this.json.writeValueAsBytes(READ).length);
	}

	@Test
	void aFormatItDoesNotKnowIsRefusedNotMisread() {
		assertThatIllegalStateException().isThrownBy(() -> this.counters.decode(direct(new byte[] { 9, 0, 0 })))
			.withMessageContaining("format 9");
	}

	private static <T> T roundTrip(Codec<T> codec, T value) {
		return codec.decode(direct(codec.encode(value)));
	}

	/** The bytes as LMDB hands them over: a direct buffer, not at its start. */
	private static ByteBuffer direct(byte[] bytes) {
		ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length + 3);
		buffer.put(new byte[] { 1, 2, 3 }).put(bytes).flip().position(3);
		return buffer;
	}

}
