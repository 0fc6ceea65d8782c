package hub.ameen.platform.store;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Byte helpers for keys: direct buffers for lmdbjava, prefixes and successors.
 */
final class Bytes {

	private Bytes() {
	}

	/** LMDB's largest key, in bytes (its default build). */
	static final int MAX_KEY = 511;

	/**
	 * Whether bytes can be an LMDB key at all: a key that cannot be stored is in no
	 * database, so a lookup by it finds nothing rather than failing.
	 */
	static boolean isStorableKey(byte[] key) {
		return key.length > 0 && key.length <= MAX_KEY;
	}

	static ByteBuffer direct(byte[] bytes) {
		ByteBuffer buffer = ByteBuffer.allocateDirect(Math.max(bytes.length, 1));
		buffer.put(bytes).flip();
		return buffer;
	}

	static byte[] copy(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.remaining()];
		buffer.duplicate().get(bytes);
		return bytes;
	}

	static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	/** The smallest key greater than every key that starts with the prefix, or null. */
	static byte[] successor(byte[] prefix) {
		byte[] next = prefix.clone();
		for (int i = next.length - 1; i >= 0; i--) {
			if (next[i] != (byte) 0xFF) {
				next[i]++;
				return Arrays.copyOf(next, i + 1);
			}
		}
		return null;
	}

}
