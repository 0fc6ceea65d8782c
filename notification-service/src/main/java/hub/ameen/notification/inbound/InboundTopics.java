package hub.ameen.notification.inbound;

/**
 * The topics and event types this service reads, as scheduler-service and user-service
 * publish them (see {@code docs/events.md}); named as {@code Topics.name} names them.
 */
final class InboundTopics {

	static final String REMINDERS = "hub.scheduler.reminder.v1";

	static final String TASK_DEADLINES = "hub.scheduler.task.v1";

	static final String USERS = "hub.users.user.v1";

	static final String TASKS = "hub.tasks.task.v1";

	static final String REMINDER_DUE = "scheduler.reminder.due";

	static final String TASK_DUE_SOON = "scheduler.task.due-soon";

	static final String TASK_OVERDUE = "scheduler.task.overdue";

	static final String USER_CREATED = "user.created";

	static final String USER_DELETED = "user.deleted";

	static final String TASK_CREATED = "task.created";

	static final String TASK_UPDATED = "task.updated";

	static final String TASK_DELETED = "task.deleted";

	private InboundTopics() {
	}

}
