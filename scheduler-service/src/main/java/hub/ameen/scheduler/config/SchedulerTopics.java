package hub.ameen.scheduler.config;

import hub.ameen.platform.events.Topics;

/**
 * The scheduler's topics under the names its task deadlines still use: each is the
 * platform {@link Topics} catalog's constant, never the name typed again. New code names
 * {@link Topics} directly.
 */
public final class SchedulerTopics {

	/** {@link Topics#REMINDER}. */
	public static final String REMINDERS = Topics.REMINDER;

	/** {@link Topics#CALENDAR_EVENT}. */
	public static final String EVENTS = Topics.CALENDAR_EVENT;

	/** {@link Topics#TASK_DEADLINE}. */
	public static final String TASK_DEADLINES = Topics.TASK_DEADLINE;

	/** {@link Topics#TASK}, produced by tasks-service. */
	public static final String TASKS = Topics.TASK;

	private SchedulerTopics() {
	}

}
