package hub.ameen.scheduler.calendar;

import hub.ameen.platform.web.NotFoundException;

/**
 * The ids a request names, checked before they become store keys (LMDB refuses keys over
 * 511 bytes): an event id is 1–{@value #MAX_ID} ASCII letters, digits, {@code -} or
 * {@code _}, a user id 1–{@value #MAX_USER_ID} characters.
 */
final class EventIds {

	static final int MAX_ID = 64;

	static final int MAX_USER_ID = 100;

	private EventIds() {
	}

	/** 404 for an id no event can have; it is not echoed back. */
	static void check(String id) {
		if (id == null || id.isEmpty() || id.length() > MAX_ID || !id.chars().allMatch(EventIds::idChar)) {
			throw new NotFoundException("Event", "with that id");
		}
	}

	/** 400 for a user id no user can have. */
	static String checkUser(String field, String userId) {
		if (userId != null && (userId.isBlank() || userId.length() > MAX_USER_ID)) {
			throw InvalidEventException.of(field, "must be 1 to " + MAX_USER_ID + " characters");
		}
		return userId;
	}

	private static boolean idChar(int c) {
		return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
	}

}
