package hub.ameen.scheduler.calendar;

import java.time.Duration;

/**
 * How large an event may be, shared by the request records' constraints and the rules of
 * the whole event.
 */
final class Limits {

	static final int MAX_TITLE = 200;

	static final int MAX_DESCRIPTION = 10_000;

	static final int MAX_LOCATION = 500;

	static final int MAX_REMINDERS = 20;

	static final int MAX_MINUTES_BEFORE = 40_320;

	static final int MAX_ATTENDEES = 200;

	static final int MAX_EXDATES = 1_000;

	static final Duration MAX_DURATION = Duration.ofDays(366);

	static final int MAX_ZONE_LENGTH = 64;

	private Limits() {
	}

}
