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

	/**
	 * The bytes in a direct buffer, as lmdbjava takes keys and values: one of a few kept
	 * per thread and lent again, since a buffer of its own for each call is native memory
	 * and a cleaner that only a collection gives back (a busy service held hundreds of
	 * thousands). A lent buffer stays whole for the next {@value #LENT} - 1 calls on the
	 * same thread, so hand it straight to LMDB: every call here holds at most two at
	 * once, and LMDB keeps no pointer to them after the call returns. Bytes longer than
	 * {@value #LENT_CAPACITY} get a buffer of their own.
	 */
	static ByteBuffer direct(byte[] bytes) {
		if (bytes.length > LENT_CAPACITY) {
			return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
		}
		return LENDER.get().lend(bytes);
	}

	/** How many buffers each thread lends in turn. */
	static final int LENT = 4;

	/** The largest buffer a thread keeps to lend. */
	static final int LENT_CAPACITY = 16 * 1024;

	private static final ThreadLocal<Lender> LENDER = ThreadLocal.withInitial(Lender::new);

	private static final class Lender {

		private final ByteBuffer[] buffers = new ByteBuffer[LENT];

		private int next;

		ByteBuffer lend(byte[] bytes) {
			int slot = this.next;
			this.next = (slot + 1) % LENT;
			ByteBuffer buffer = this.buffers[slot];
			if (buffer == null || buffer.capacity() < bytes.length) {
				buffer = ByteBuffer.allocateDirect(Math.max(MAX_KEY + 1, Integer.highestOneBit(bytes.length - 1) << 1));
				this.buffers[slot] = buffer;
			}
			buffer.clear();
			buffer.put(bytes).flip();
			return buffer;
		}

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
