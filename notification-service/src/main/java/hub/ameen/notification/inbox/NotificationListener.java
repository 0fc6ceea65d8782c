package hub.ameen.notification.inbox;

import java.util.List;

/**
 * Told about new notifications once the transaction that created them is durable, on the
 * store's writer thread: implementations hand the work off and return at once.
 */
@FunctionalInterface
public interface NotificationListener {

	/**
	 * New notifications, in the order they were created (per user, in sequence order).
	 * @param created the notifications of one transaction
	 */
	void created(List<Notification> created);

}
