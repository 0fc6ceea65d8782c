package hub.ameen.platform.store;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.GetOp;

/**
 * Walks the keys of one database that share a prefix, in either direction, from a start
 * key (inclusive or exclusive) or from the end of the prefix. The visitor returns false
 * to stop.
 */
final class Scan {

	interface Visitor {

		boolean visit(byte[] key, ByteBuffer value);

	}

	private Scan() {
	}

	static void run(Dbi<ByteBuffer> dbi, ReadTxn txn, byte[] prefix, byte[] start, boolean inclusive,
			boolean descending, Visitor visitor) {
		try (Cursor<ByteBuffer> cursor = dbi.openCursor(txn.lmdb)) {
			boolean found = descending ? seekLast(cursor, prefix, start, inclusive)
					: seekFirst(cursor, prefix, start, inclusive);
			while (found) {
				byte[] key = Bytes.copy(cursor.key());
				if (!Bytes.startsWith(key, prefix) || !visitor.visit(key, cursor.val())) {
					return;
				}
				found = descending ? cursor.prev() : cursor.next();
			}
		}
	}

	private static boolean seekFirst(Cursor<ByteBuffer> cursor, byte[] prefix, byte[] start, boolean inclusive) {
		byte[] from = (start != null) ? start : prefix;
		if (from.length == 0) {
			return cursor.first();
		}
		boolean found = cursor.get(Bytes.direct(from), GetOp.MDB_SET_RANGE);
		if (found && start != null && !inclusive && Arrays.equals(Bytes.copy(cursor.key()), start)) {
			found = cursor.next();
		}
		return found;
	}

	private static boolean seekLast(Cursor<ByteBuffer> cursor, byte[] prefix, byte[] start, boolean inclusive) {
		byte[] bound = (start != null) ? start : Bytes.successor(prefix);
		if (bound == null || bound.length == 0) {
			return cursor.last();
		}
		// the first key >= bound; step back unless it is an inclusive start itself
		boolean found = cursor.get(Bytes.direct(bound), GetOp.MDB_SET_RANGE);
		if (!found) {
			return cursor.last();
		}
		if (start != null && inclusive && Arrays.equals(Bytes.copy(cursor.key()), start)) {
			return true;
		}
		return cursor.prev();
	}

}
