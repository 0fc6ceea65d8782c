package hub.ameen.tasks.task;

import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;

/**
 * Who may change a task: its creator, its assignee, or a holder of
 * {@link Permissions#TASKS_MANAGE}; anyone else gets a 403.
 */
public final class TaskOwnership {

	private TaskOwnership() {
	}

	/** The task, if the actor may change it; otherwise {@link TaskAccessDenied}. */
	public static Task check(Task task, CurrentUser actor) {
		if (actor.can(Permissions.TASKS_MANAGE) || actor.id().equals(task.createdBy())
				|| actor.id().equals(task.assigneeId())) {
			return task;
		}
		throw new TaskAccessDenied(task.id());
	}

}
