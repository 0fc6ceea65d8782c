package hub.ameen.scheduler.clock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import hub.ameen.platform.store.Codec;

/**
 * The key of a timer: its due time in epoch milliseconds (ordered as numbers), then its
 * slot id, so a cursor walks timers in due order.
 *
 * @param dueAt epoch milliseconds
 * @param id the slot id
 */
record TimerKey(long dueAt, String id) {

	static final Codec<TimerKey> CODEC = new Codec<>() {

		private final Codec<Long> millis = Codec.longKey();

		@Override
		public byte[] encode(TimerKey key) {
			byte[] due = this.millis.encode(key.dueAt());
			byte[] id = key.id().getBytes(StandardCharsets.UTF_8);
			return ByteBuffer.allocate(due.length + id.length).put(due).put(id).array();
		}

		@Override
		public TimerKey decode(ByteBuffer bytes) {
			ByteBuffer copy = bytes.duplicate();
			long due = this.millis.decode(copy);
			copy.position(copy.position() + Long.BYTES);
			return new TimerKey(due, StandardCharsets.UTF_8.decode(copy).toString());
		}

	};

}
