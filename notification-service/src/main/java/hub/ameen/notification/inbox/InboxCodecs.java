package hub.ameen.notification.inbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import hub.ameen.platform.store.Codec;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the inbox keeps its records: in a compact binary form, since every notification of
 * a broadcast is written once and its user's counters read and written once, on the
 * store's one writer thread, where JSON through Jackson was a third of a broadcast's cost
 * (decision 0007, eighth round). Records kept as JSON before are still read: a JSON value
 * starts with <code>{</code>, a binary one with its format's version byte.
 * <p>
 * A notification: the version byte 1, then its fields in declaration order, each string
 * as its UTF-8 length (-1 for null) and bytes, the sequence number as 8 bytes, each
 * instant as a presence byte, its epoch second and its nanosecond. A user's counters: the
 * version byte 1 and two longs.
 */
final class InboxCodecs {

	private static final byte VERSION_1 = 1;

	private static final byte JSON_OBJECT = '{';

	private InboxCodecs() {
	}

	static Codec<Notification> notifications(JsonMapper json) {
		Codec<Notification> before = Codec.json(json, Notification.class);
		return new Codec<>() {
			@Override
			public byte[] encode(Notification n) {
				byte[] id = utf8(n.id());
				byte[] userId = utf8(n.userId());
				byte[] type = utf8(n.type());
				byte[] title = utf8(n.title());
				byte[] body = utf8(n.body());
				byte[] link = utf8(n.link());
				byte[] sourceEventId = utf8(n.sourceEventId());
				ByteBuffer out = ByteBuffer.allocate(1 + Long.BYTES + 3 * (1 + Long.BYTES + Integer.BYTES) + size(id)
						+ size(userId) + size(type) + size(title) + size(body) + size(link) + size(sourceEventId));
				out.put(VERSION_1);
				put(out, id);
				put(out, userId);
				out.putLong(n.seq());
				put(out, type);
				put(out, title);
				put(out, body);
				put(out, link);
				put(out, n.createdAt());
				put(out, n.readAt());
				put(out, sourceEventId);
				put(out, n.eventAt());
				return (out.position() == out.capacity()) ? out.array() : Arrays.copyOf(out.array(), out.position());
			}

			@Override
			public Notification decode(ByteBuffer bytes) {
				if (bytes.get(bytes.position()) == JSON_OBJECT) {
					return before.decode(bytes);
				}
				ByteBuffer in = versioned(bytes);
				return new Notification(string(in), string(in), in.getLong(), string(in), string(in), string(in),
						string(in), instant(in), instant(in), string(in), instant(in));
			}
		};
	}

	static Codec<UserCounters> counters(JsonMapper json) {
		Codec<UserCounters> before = Codec.json(json, UserCounters.class);
		return new Codec<>() {
			@Override
			public byte[] encode(UserCounters counters) {
				return ByteBuffer.allocate(1 + 2 * Long.BYTES)
					.put(VERSION_1)
					.putLong(counters.lastSeq())
					.putLong(counters.unread())
					.array();
			}

			@Override
			public UserCounters decode(ByteBuffer bytes) {
				if (bytes.get(bytes.position()) == JSON_OBJECT) {
					return before.decode(bytes);
				}
				ByteBuffer in = versioned(bytes);
				return new UserCounters(in.getLong(), in.getLong());
			}
		};
	}

	private static ByteBuffer versioned(ByteBuffer bytes) {
		ByteBuffer in = bytes.duplicate();
		byte version = in.get();
		if (version != VERSION_1) {
			throw new IllegalStateException("Unknown inbox record format " + version);
		}
		return in;
	}

	private static byte[] utf8(String text) {
		return (text != null) ? text.getBytes(StandardCharsets.UTF_8) : null;
	}

	private static int size(byte[] text) {
		return Integer.BYTES + ((text != null) ? text.length : 0);
	}

	private static void put(ByteBuffer out, byte[] text) {
		if (text == null) {
			out.putInt(-1);
		}
		else {
			out.putInt(text.length).put(text);
		}
	}

	private static void put(ByteBuffer out, Instant instant) {
		if (instant == null) {
			out.put((byte) 0);
		}
		else {
			out.put((byte) 1).putLong(instant.getEpochSecond()).putInt(instant.getNano());
		}
	}

	private static String string(ByteBuffer in) {
		int length = in.getInt();
		if (length < 0) {
			return null;
		}
		byte[] text = new byte[length];
		in.get(text);
		return new String(text, StandardCharsets.UTF_8);
	}

	private static Instant instant(ByteBuffer in) {
		return (in.get() == 0) ? null : Instant.ofEpochSecond(in.getLong(), in.getInt());
	}

}
