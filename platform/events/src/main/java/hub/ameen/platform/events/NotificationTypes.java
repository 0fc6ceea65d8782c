package hub.ameen.platform.events;

import java.util.List;

/**
 * The kinds of notification, in one catalog as {@link Topics} is: notification-service
 * makes them, and user-service refuses a delivery choice (live, digest or off) for a type
 * not named here.
 */
public final class NotificationTypes {

	/** A calendar event's reminder came due. */
	public static final String REMINDER_DUE = "reminder.due";

	/** A task was assigned to the user (by someone else). */
	public static final String TASK_ASSIGNED = "task.assigned";

	/** A task assigned to the user is due soon. */
	public static final String TASK_DUE_SOON = "task.due-soon";

	/** A task assigned to the user is past its due time. */
	public static final String TASK_OVERDUE = "task.overdue";

	/** A comment on a task mentioned the user. */
	public static final String TASK_MENTIONED = "task.mentioned";

	/** Someone commented on a task the user is assigned to or watches. */
	public static final String TASK_COMMENTED = "task.commented";

	/** A reminder of a task assigned to the user came due. */
	public static final String TASK_REMINDER = "task.reminder";

	/**
	 * The user's daily digest: their overdue and today's tasks, and what they chose to
	 * get by digest.
	 */
	public static final String TASK_DIGEST = "task.digest";

	/** A CRM deal or contact was given to the user (by someone else). */
	public static final String CRM_ASSIGNED = "crm.assigned";

	/** A CRM deal the user owns was won. */
	public static final String CRM_DEAL_WON = "crm.deal-won";

	/** A CSV import the user started made progress or ended. */
	public static final String CRM_IMPORT = "crm.import";

	/** The user's account was created. */
	public static final String WELCOME = "user.welcome";

	private static final List<String> ALL = List.of(REMINDER_DUE, TASK_ASSIGNED, TASK_DUE_SOON, TASK_OVERDUE,
			TASK_MENTIONED, TASK_COMMENTED, TASK_REMINDER, TASK_DIGEST, CRM_ASSIGNED, CRM_DEAL_WON, CRM_IMPORT,
			WELCOME);

	private NotificationTypes() {
	}

	/** Every type, in a stable order. */
	public static List<String> all() {
		return ALL;
	}

}
