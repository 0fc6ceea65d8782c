package hub.ameen.notification.inbox;

/**
 * A user's counters, kept in the transaction of every change so that reading them is one
 * lookup.
 *
 * @param lastSeq the sequence number of the user's newest notification, 0 for none
 * @param unread how many of the user's notifications are unread
 */
record UserCounters(long lastSeq, long unread) {

	static final UserCounters NONE = new UserCounters(0, 0);

	/**
	 * With one more unread notification, numbered {@code seq}: the newest number never
	 * goes back, even for a log that started again from an earlier offset.
	 */
	UserCounters added(long seq) {
		return new UserCounters(Math.max(seq, this.lastSeq + 1), this.unread + 1);
	}

	UserCounters read(long count) {
		return new UserCounters(this.lastSeq, Math.max(0, this.unread - count));
	}

	UserCounters allRead() {
		return new UserCounters(this.lastSeq, 0);
	}

}
