package hub.ameen.platform.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns values into bytes and back. Decoding must copy what it needs: the buffer is only
 * valid inside the transaction that read it.
 *
 * @param <T> the decoded type
 */
public interface Codec<T> {

	byte[] encode(T value);

	T decode(ByteBuffer bytes);

	/** UTF-8 strings; ordered as their bytes, which for ASCII ids is lexical order. */
	static Codec<String> utf8() {
		return new Codec<>() {
			@Override
			public byte[] encode(String value) {
				return value.getBytes(StandardCharsets.UTF_8);
			}

			@Override
			public String decode(ByteBuffer bytes) {
				return StandardCharsets.UTF_8.decode(bytes).toString();
			}
		};
	}

	/** Big-endian longs with the sign bit flipped, so that key order is numeric order. */
	static Codec<Long> longKey() {
		return new Codec<>() {
			@Override
			public byte[] encode(Long value) {
				return ByteBuffer.allocate(Long.BYTES).putLong(value ^ Long.MIN_VALUE).array();
			}

			@Override
			public Long decode(ByteBuffer bytes) {
				return bytes.getLong(bytes.position()) ^ Long.MIN_VALUE;
			}
		};
	}

	/** Raw bytes, copied out of the buffer. */
	static Codec<byte[]> bytes() {
		return new Codec<>() {
			@Override
			public byte[] encode(byte[] value) {
				return value;
			}

			@Override
			public byte[] decode(ByteBuffer bytes) {
				byte[] copy = new byte[bytes.remaining()];
				bytes.duplicate().get(copy);
				return copy;
			}
		};
	}

	/** JSON through Jackson: the usual codec for records kept as values. */
	static <T> Codec<T> json(JsonMapper mapper, Class<T> type) {
		return new Codec<>() {
			@Override
			public byte[] encode(T value) {
				return mapper.writeValueAsBytes(value);
			}

			@Override
			public T decode(ByteBuffer bytes) {
				byte[] copy = new byte[bytes.remaining()];
				bytes.duplicate().get(copy);
				return mapper.readValue(copy, type);
			}
		};
	}

}
