package hub.ameen.notification.preference;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A user's notification preferences.
 *
 * @param muted the types muted here ({@code PUT /api/notifications/preferences}): off,
 * unless the user's own settings say otherwise
 * @param delivery how each type reaches the user ({@code live}, {@code digest} or
 * {@code off}), as their own settings in user-service last said; a type not named is
 * {@code live}, or {@code off} when muted
 * @param mutedAt when the muted types were last set, null for never: of two changes, the
 * later one is kept wherever they are applied, in whichever order
 */
public record Preferences(Set<String> muted, Map<String, String> delivery, Instant mutedAt) {

	/** Notifications shown on the stream as they happen. */
	public static final String LIVE = "live";

	/** Notifications held for the daily digest. */
	public static final String DIGEST = "digest";

	/** Notifications not made at all. */
	public static final String OFF = "off";

	static final Preferences DEFAULT = new Preferences(Set.of(), Map.of(), null);

	public Preferences {
		muted = (muted != null) ? Set.copyOf(muted) : Set.of();
		delivery = (delivery != null) ? Map.copyOf(delivery) : Map.of();
	}

	/** How notifications of the type reach the user. */
	public String modeOf(String type) {
		String chosen = this.delivery.get(type);
		if (chosen != null) {
			return chosen;
		}
		return this.muted.contains(type) ? OFF : LIVE;
	}

	public boolean mutes(String type) {
		return OFF.equals(modeOf(type));
	}

	Preferences withMuted(Set<String> types, Instant at) {
		return new Preferences(types, this.delivery, at);
	}

	/** Whether muted types set at the instant are older than those kept. */
	boolean mutedAfter(Instant at) {
		return this.mutedAt != null && at != null && this.mutedAt.isAfter(at);
	}

	Preferences withDelivery(Map<String, String> modes) {
		return new Preferences(this.muted, modes, this.mutedAt);
	}

}
