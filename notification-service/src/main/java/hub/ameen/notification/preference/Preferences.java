package hub.ameen.notification.preference;

import java.util.Set;

/**
 * A user's notification preferences.
 *
 * @param muted the notification types the user does not want; none are created for them
 */
public record Preferences(Set<String> muted) {

	static final Preferences DEFAULT = new Preferences(Set.of());

	public Preferences {
		muted = (muted != null) ? Set.copyOf(muted) : Set.of();
	}

	public boolean mutes(String type) {
		return this.muted.contains(type);
	}

}
