package hub.ameen.tasks.task;

import java.time.Clock;
import java.time.Instant;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.tasks.user.UserDirectory;

import org.springframework.stereotype.Component;

/**
 * Keeps a changed task and, when the change completes a recurring one, creates its next
 * occurrence (same work, reminders and people, to do again, due at the rule's next
 * instance in the creator's zone) in the same transaction.
 */
@Component
class TaskSeries {

	private final Aggregate<Task> tasks;

	private final UserDirectory users;

	private final Clock clock;

	TaskSeries(Aggregate<Task> tasks, UserDirectory users, Clock clock) {
		this.tasks = tasks;
		this.users = users;
		this.clock = clock;
	}

	/** Keeps the change, announced as updated, and any next occurrence, as created. */
	Task keep(WriteTxn txn, Task before, Task after, String actorId) {
		Task kept = this.tasks.update(txn, after, actorId);
		if (before.isOpen() && !after.isOpen() && after.recurrence() != null && after.dueAt() != null) {
			TaskRecurrence.next(after.recurrence(), after.dueAt(), this.users.zoneOf(after.createdBy()))
				.ifPresent((next) -> this.tasks.create(txn, nextOccurrence(after, next), actorId));
		}
		return kept;
	}

	private Task nextOccurrence(Task done, TaskRecurrence.Next next) {
		String id = Ids.next();
		Instant now = this.clock.instant();
		return new Task(id, done.title(), done.description(), Task.Status.todo, done.priority(), done.assigneeId(),
				done.watcherIds(), next.dueAt(), done.labels(),
				done.checklist().stream().map((item) -> new Task.ChecklistItem(item.text(), false)).toList(),
				done.related(), next.rule(), done.reminders(), Ranks.initial(id), done.createdBy(), now, now, null);
	}

}
