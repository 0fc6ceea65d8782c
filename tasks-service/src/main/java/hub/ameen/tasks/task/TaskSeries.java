package hub.ameen.tasks.task;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.tasks.crm.CrmRecords;
import hub.ameen.tasks.user.UserDirectory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Changes to tasks, each checked (ownership, an active assignee, a rule it can repeat by)
 * and kept in one transaction; a change that completes a recurring task also creates its
 * next occurrence (same work, reminders and people, to do again, due at the rule's next
 * instance in the creator's zone) in that transaction.
 */
@Component
class TaskSeries {

	private final Aggregate<Task> tasks;

	private final UserDirectory users;

	private final CrmRecords records;

	private final Clock clock;

	TaskSeries(Aggregate<Task> tasks, UserDirectory users, CrmRecords records, Clock clock) {
		this.tasks = tasks;
		this.users = users;
		this.records = records;
		this.clock = clock;
	}

	/**
	 * Creates the task if it is valid, once the CRM record it links to has been heard of.
	 */
	Mono<Task> create(Task task, String actorId) {
		return linkable(null, task.related()).then(Mono.defer(() -> this.tasks.create(valid(null, task), actorId)));
	}

	/** Changes one task, if the caller may, in one transaction. */
	Mono<Task> change(String id, PatchTaskRequest request, CurrentUser me) {
		Task.Related related = (request.related() != null) ? request.related().toRelated() : null;
		return linkable(id, related).then(this.tasks.inTransaction((txn) -> {
			Task before = TaskOwnership.check(this.tasks.get(txn, id), me);
			return keep(txn, before, valid(before, request.applyTo(before, this.clock.instant())), me.id());
		}));
	}

	/**
	 * Waits (boundedly) for a newly linked CRM record's event when it has not arrived
	 * yet: a record created a moment before its task is then found by {@link #valid}.
	 */
	private Mono<Void> linkable(String taskId, Task.Related related) {
		return Mono.defer(() -> {
			if (related == null || (taskId != null
					&& this.tasks.find(taskId).map(Task::related).filter(related::equals).isPresent())) {
				return Mono.empty();
			}
			return this.records.awaitKnown(related).then();
		});
	}

	/**
	 * Changes every task in one transaction, or none if the caller may not change one,
	 * one is missing or a change breaks a rule.
	 */
	Mono<List<Task>> changeAll(List<String> ids, PatchTaskRequest patch, CurrentUser me) {
		return this.tasks.inTransaction((txn) -> ids.stream()
			.map((id) -> TaskOwnership.check(this.tasks.get(txn, id), me))
			.map((before) -> keep(txn, before, valid(before, patch.applyTo(before, this.clock.instant())), me.id()))
			.toList());
	}

	/**
	 * The task, if its assignee (when it changes) is an active user, the CRM record it is
	 * about (when that changes) exists and its recurrence (when it changes) a rule it can
	 * repeat by.
	 */
	Task valid(Task before, Task after) {
		if (before == null || !java.util.Objects.equals(before.recurrence(), after.recurrence())
				|| (after.recurrence() != null && after.dueAt() == null)) {
			TaskRecurrence.problem(after).ifPresent((problem) -> {
				throw new InvalidField("recurrence", problem);
			});
		}
		String assignee = after.assigneeId();
		boolean changed = before == null || !java.util.Objects.equals(before.assigneeId(), assignee);
		if (assignee != null && changed && !this.users.isActive(assignee)) {
			throw new InvalidField("assigneeId", "must be an active user");
		}
		Task.Related related = after.related();
		if (related != null && (before == null || !related.equals(before.related()))
				&& !this.records.isKnown(related)) {
			throw new InvalidField("related", "no " + related.type() + " with id " + related.id());
		}
		return after;
	}

	/** Keeps the change, announced as updated, and any next occurrence, as created. */
	Task keep(WriteTxn txn, Task before, Task after, String actorId) {
		Task kept = this.tasks.updateIn(txn, after, actorId);
		if (before.isOpen() && !after.isOpen() && after.recurrence() != null && after.dueAt() != null) {
			TaskRecurrence.next(after.recurrence(), after.dueAt(), this.users.zoneOf(after.createdBy()))
				.ifPresent((next) -> this.tasks.createIn(txn, nextOccurrence(after, next), actorId));
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
