package hub.ameen.tasks.task;

import java.time.Clock;
import java.util.List;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.store.WriteTxn;

import org.springframework.stereotype.Component;

/**
 * Keeps tasks' links to CRM records pointing at a record that exists when crm-service
 * folds one record into another, in the transaction that learns so.
 */
@Component
public class TaskLinks {

	private final Aggregate<Task> tasks;

	private final Clock clock;

	TaskLinks(Aggregate<Task> tasks, Clock clock) {
		this.tasks = tasks;
		this.clock = clock;
	}

	/**
	 * Links every task about {@code from} to {@code to} instead, each announced as
	 * updated.
	 * @return the tasks moved
	 */
	public List<Task> move(WriteTxn txn, Task.Related from, Task.Related to, String actorId) {
		return this.tasks.findAllBy(txn, TaskConfiguration.BY_RELATED, TaskConfiguration.relatedKey(from))
			.stream()
			.map((task) -> this.tasks.updateIn(txn, task.relatedTo(to, this.clock.instant()), actorId))
			.toList();
	}

}
