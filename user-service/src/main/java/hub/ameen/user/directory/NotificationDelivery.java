package hub.ameen.user.directory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import hub.ameen.platform.events.NotificationTypes;

/**
 * How each kind of notification reaches a user: {@code live} (on the stream as it
 * happens), {@code digest} (inside their daily digest) or {@code off}. user-service keeps
 * the choice with the user's own settings and announces it in every {@code user.*} event;
 * notification-service applies it. A type not named is {@code live} (unless muted on
 * notification-service's older preferences).
 */
public final class NotificationDelivery {

	/** The modes. */
	public static final Set<String> MODES = Set.of("live", "digest", "off");

	/** The notification types a user may choose for: the platform's one catalog. */
	public static final List<String> TYPES = NotificationTypes.all();

	private NotificationDelivery() {
	}

	/**
	 * The current choices with the change's applied over them; null changes nothing. An
	 * explicit {@code live} is kept: it outranks a type muted in notification-service.
	 */
	static Map<String, String> merge(Map<String, String> current, Map<String, String> change) {
		Map<String, String> merged = new TreeMap<>((current != null) ? current : Map.of());
		if (change != null) {
			merged.putAll(change);
		}
		return Map.copyOf(merged);
	}

	/** Why the change is refused, or null when every type and mode is known. */
	static String problemWith(Map<String, String> change) {
		if (change == null) {
			return null;
		}
		for (Map.Entry<String, String> choice : change.entrySet()) {
			if (!TYPES.contains(choice.getKey())) {
				return "unknown notification type " + choice.getKey() + "; the types are " + TYPES;
			}
			if (!MODES.contains(choice.getValue())) {
				return "must be live, digest or off, not " + choice.getValue() + " for " + choice.getKey();
			}
		}
		return null;
	}

}
