package hub.ameen.tasks.digest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.tasks.task.Task;
import hub.ameen.tasks.task.TaskAssignments;
import hub.ameen.tasks.user.UserDirectory;

import org.springframework.stereotype.Component;

/**
 * Compiles a user's digest when the scheduler says it is due, from the tasks as they are
 * then, and announces it with an id made of the user and the day, so the day has one
 * digest however often it is asked for.
 */
@Component
class DailyDigest {

	private final TaskAssignments assignments;

	private final UserDirectory users;

	private final Outbox outbox;

	DailyDigest(TaskAssignments assignments, UserDirectory users, Outbox outbox) {
		this.assignments = assignments;
		this.users = users;
		this.outbox = outbox;
	}

	/** Compiles and announces the digest, in the inbox's transaction. */
	void compile(WriteTxn txn, DigestDue due) {
		if (due.userId() == null || due.day() == null || due.dueAt() == null
				|| !this.users.isActive(txn, due.userId())) {
			return;
		}
		Instant endOfDay = due.day().plusDays(1).atStartOfDay(zoneOf(due)).toInstant();
		List<Task> open = this.assignments.openAssignedTo(txn, due.userId())
			.stream()
			.filter((task) -> task.dueAt() != null && task.dueAt().isBefore(endOfDay))
			.sorted(Comparator.comparing(Task::dueAt).thenComparing(Task::id))
			.toList();
		Predicate<Task> overdue = (task) -> task.dueAt().isBefore(due.dueAt());
		List<Task> late = open.stream().filter(overdue).toList();
		List<Task> today = open.stream().filter(overdue.negate()).toList();
		Digest digest = new Digest(due.userId(), due.day(), zoneOf(due).getId(), due.dueAt(), items(late), items(today),
				late.size(), today.size());
		this.outbox.publish(txn, Digest.COMPILED.about(due.userId(), digest).withIdOf(due.userId(), due.day()));
	}

	private static List<Digest.Item> items(List<Task> tasks) {
		return tasks.stream()
			.limit(Digest.LISTED)
			.map((task) -> new Digest.Item(task.id(), task.title(), task.dueAt()))
			.toList();
	}

	private static ZoneId zoneOf(DigestDue due) {
		try {
			return (due.timeZone() != null) ? ZoneId.of(due.timeZone()) : ZoneOffset.UTC;
		}
		catch (DateTimeException ex) {
			return ZoneOffset.UTC;
		}
	}

}
