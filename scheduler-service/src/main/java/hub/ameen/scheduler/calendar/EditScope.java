package hub.ameen.scheduler.calendar;

import java.util.Locale;

import hub.ameen.platform.web.BadRequestException;

/**
 * Which part of a recurring event a change or deletion applies to.
 */
enum EditScope {

	/** The whole series (the default). */
	ALL,

	/** One occurrence, which becomes an event of its own (or is excluded, on delete). */
	THIS,

	/** The occurrence and every later one, which become a new series. */
	FOLLOWING;

	static EditScope parse(String value) {
		if (value == null || value.isBlank()) {
			return ALL;
		}
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException("scope must be all, this or following");
		}
	}

}
