package hub.ameen.notification.inbound;

import java.time.Duration;
import java.time.Instant;

/**
 * Short human phrases for the time between two instants, for notification bodies.
 */
final class Durations {

	private Durations() {
	}

	/**
	 * "in 15 minutes", "in 2 hours 5 minutes", "now", "3 days ago", to the nearest
	 * minute.
	 */
	static String relative(Instant from, Instant to) {
		long minutes = Math.round(Duration.between(from, to).toMillis() / 60_000.0);
		if (minutes == 0) {
			return "now";
		}
		return (minutes > 0) ? "in " + span(minutes) : span(-minutes) + " ago";
	}

	private static String span(long minutes) {
		if (minutes >= 2 * 24 * 60) {
			return plural(minutes / (24 * 60), "day");
		}
		if (minutes < 60) {
			return plural(minutes, "minute");
		}
		String hours = plural(minutes / 60, "hour");
		return (minutes % 60 == 0) ? hours : hours + " " + plural(minutes % 60, "minute");
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}

}
