package hub.ameen.platform.store;

/**
 * The root of the store's own failures; specific ones are nested in this type.
 */
public class StoreException extends RuntimeException {

	public StoreException(String message, Throwable cause) {
		super(message, cause);
	}

	public StoreException(String message) {
		super(message);
	}

	/** A unique index already maps this value to another key. */
	public static final class UniqueViolationException extends StoreException {

		private final String index;

		UniqueViolationException(String index) {
			super("a record with this " + index + " already exists");
			this.index = index;
		}

		public String index() {
			return this.index;
		}

	}

	/** The store is closed, or closing, and takes no more writes. */
	public static final class ClosedException extends StoreException {

		ClosedException() {
			super("store is closed");
		}

	}

}
