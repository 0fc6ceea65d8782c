package hub.ameen.scheduler.config;

/**
 * The topics the scheduler publishes to, and the tasks topic it reads: constants, so that
 * listeners can name them, following {@code Topics.name(domain, stream, version)}.
 */
public final class SchedulerTopics {

	/** {@code scheduler.reminder.due}, keyed by event id. */
	public static final String REMINDERS = "hub.scheduler.reminder.v1";

	/**
	 * {@code scheduler.event.created|updated|deleted|started|ended}, keyed by event id.
	 */
	public static final String EVENTS = "hub.scheduler.event.v1";

	/** {@code scheduler.task.due-soon|overdue}, keyed by task id. */
	public static final String TASK_DEADLINES = "hub.scheduler.task.v1";

	/**
	 * Produced by tasks-service: {@code task.created|updated|deleted}, keyed by task id.
	 */
	public static final String TASKS = "hub.tasks.task.v1";

	private SchedulerTopics() {
	}

}
