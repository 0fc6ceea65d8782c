package hub.ameen.platform.store;

import java.util.Base64;

/**
 * Where a page starts and how long it is. The cursor is the base64url form of the last
 * key the previous page returned; a cursor that does not decode is rejected with
 * {@link InvalidCursorException}.
 *
 * @param limit at most this many items, 1 to {@value #MAX_LIMIT}
 * @param cursor the previous page's {@code nextCursor}, or null for the first page
 * @param descending whether to scan from the highest key down
 */
public record PageRequest(int limit, String cursor, boolean descending) {

	/** The largest page a caller may ask for. */
	public static final int MAX_LIMIT = 200;

	/** The page size when the caller names none. */
	public static final int DEFAULT_LIMIT = 50;

	public PageRequest {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
	}

	public static PageRequest first(int limit) {
		return new PageRequest(limit, null, false);
	}

	public static PageRequest of(Integer limit, String cursor) {
		return new PageRequest((limit != null) ? limit : DEFAULT_LIMIT, blankToNull(cursor), false);
	}

	public PageRequest descendingOrder() {
		return new PageRequest(this.limit, this.cursor, true);
	}

	byte[] afterKey() {
		if (this.cursor == null) {
			return null;
		}
		try {
			return Base64.getUrlDecoder().decode(this.cursor);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCursorException();
		}
	}

	static String cursorOf(byte[] key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
	}

	private static String blankToNull(String cursor) {
		return (cursor == null || cursor.isBlank()) ? null : cursor;
	}

	/** A cursor that is not one this store handed out. */
	public static final class InvalidCursorException extends IllegalArgumentException {

		InvalidCursorException() {
			super("cursor is not valid; pass the nextCursor of a previous page");
		}

	}

}
