package hub.ameen.tasks.task;

import java.time.Clock;
import java.util.List;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.WriteTxn;

import org.springframework.stereotype.Component;

/**
 * Takes work away from a user who can no longer do it, in the transaction that learns so.
 */
@Component
public class TaskAssignments {

	private final Aggregate<Task> tasks;

	private final Clock clock;

	TaskAssignments(Aggregate<Task> tasks, Clock clock) {
		this.tasks = tasks;
		this.clock = clock;
	}

	/** The open tasks assigned to the user, read in the caller's transaction. */
	public List<Task> openAssignedTo(ReadTxn txn, String userId) {
		return this.tasks.findAllBy(txn, TaskConfiguration.BY_ASSIGNEE, userId).stream().filter(Task::isOpen).toList();
	}

	/**
	 * Unassigns every task of the user, each announced as updated.
	 * @return how many tasks were unassigned
	 */
	public int unassignAll(WriteTxn txn, String userId, String actorId) {
		var assigned = this.tasks.findAllBy(txn, TaskConfiguration.BY_ASSIGNEE, userId);
		assigned.forEach((task) -> this.tasks.updateIn(txn, task.unassigned(this.clock.instant()), actorId));
		return assigned.size();
	}

}
