package hub.ameen.scheduler.task;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.scheduler.clock.Firing;
import hub.ameen.scheduler.clock.Timer;
import hub.ameen.scheduler.clock.TimerHandler;
import hub.ameen.scheduler.clock.TimerIndex;
import hub.ameen.scheduler.config.SchedulerTopics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Keeps two timers per open task with a due time: due-soon (the configured lead before
 * it, or at once when that has passed) and overdue (at the due time). Each fires once per
 * due time: a later change that keeps the due time does not fire it again, one that moves
 * it starts over. Done and deleted tasks fire nothing.
 */
@Component
public class TaskDeadlines implements TimerHandler {

	static final String DUE_SOON = "task.due-soon";

	static final String OVERDUE = "task.overdue";

	private final Store store;

	private final Collection<String, TrackedTask> tasks;

	private final TimerIndex timers;

	private final Outbox outbox;

	private final JsonMapper mapper;

	private final TaskProperties properties;

	TaskDeadlines(Store store, TimerIndex timers, Outbox outbox, JsonMapper mapper, TaskProperties properties) {
		this.store = store;
		this.tasks = store.collection("tasks", Codec.utf8(), Codec.json(mapper, TrackedTask.class));
		this.timers = timers;
		this.outbox = outbox;
		this.mapper = mapper;
		this.properties = properties;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(DUE_SOON, OVERDUE);
	}

	/** Applies one task event, in the inbox's transaction. */
	void apply(WriteTxn txn, EventEnvelope event, Instant now) {
		switch (event.type()) {
			case "task.created", "task.updated" -> changed(txn, event.payloadAs(TaskChange.class, this.mapper), now);
			case "task.deleted" -> deleted(txn, event.key(), now);
			default -> {
				// other task events carry no deadline
			}
		}
	}

	Optional<TrackedTask> get(String id) {
		return this.tasks.get(id);
	}

	private void changed(WriteTxn txn, TaskChange change, Instant now) {
		TrackedTask previous = this.tasks.get(txn, change.id()).orElse(null);
		if (previous != null && TrackedTask.DELETED.equals(previous.status())) {
			return;
		}
		boolean sameDue = previous != null && Objects.equals(previous.dueAt(), change.dueAt());
		TrackedTask task = new TrackedTask(change.id(), change.title(), change.assigneeId(), change.dueAt(),
				change.status(), sameDue ? previous.dueSoonFiredFor() : null,
				sameDue ? previous.overdueFiredFor() : null, now);
		this.tasks.put(txn, task.id(), task);
		this.timers.cancelOwner(txn, task.id());
		if (task.dueAt() == null || !task.isOpen()) {
			return;
		}
		if (task.overdueFiredFor() == null) {
			this.timers.schedule(txn, timer(task, OVERDUE, task.dueAt()));
			if (task.dueSoonFiredFor() == null && task.dueAt().isAfter(now)) {
				Instant dueSoon = task.dueAt().minus(this.properties.dueSoon());
				this.timers.schedule(txn, timer(task, DUE_SOON, dueSoon.isAfter(now) ? dueSoon : now));
			}
		}
	}

	private void deleted(WriteTxn txn, String id, Instant now) {
		TrackedTask previous = this.tasks.get(txn, id).orElse(null);
		this.tasks.put(txn, id, new TrackedTask(id, (previous != null) ? previous.title() : null, null, null,
				TrackedTask.DELETED, null, null, now));
		this.timers.cancelOwner(txn, id);
	}

	@Override
	public Optional<Timer> fire(WriteTxn txn, Timer timer, Firing firing) {
		TrackedTask task = this.tasks.get(txn, timer.ownerId()).orElse(null);
		if (task == null || !task.isOpen() || !timer.occurrenceStart().equals(task.dueAt())) {
			return Optional.empty();
		}
		boolean overdue = OVERDUE.equals(timer.kind());
		if (overdue) {
			// a due-soon still waiting is pointless now
			this.timers.slot(txn, task.id() + "/" + DUE_SOON).ifPresent((stale) -> this.timers.cancel(txn, stale));
		}
		this.tasks.put(txn, task.id(), overdue ? task.firedOverdue() : task.firedDueSoon());
		if (!firing.skipped()) {
			String type = overdue ? "scheduler.task.overdue" : "scheduler.task.due-soon";
			TaskDeadline payload = new TaskDeadline(task.id(), task.title(), task.assigneeId(), task.dueAt(),
					firing.firedAt(), firing.late(),
					(task.assigneeId() != null) ? List.of(task.assigneeId()) : List.of());
			this.outbox.append(txn, SchedulerTopics.TASK_DEADLINES, new EventEnvelope(stableId(type, task), type, 1,
					firing.firedAt(), task.id(), null, this.mapper.valueToTree(payload)));
		}
		return Optional.empty();
	}

	/**
	 * Forgets done and deleted tasks unchanged since the cutoff.
	 * @return how many were forgotten
	 */
	public int purgeClosedBefore(Instant cutoff) {
		List<String> old = this.store.read((txn) -> {
			List<String> ids = new ArrayList<>();
			this.tasks.forEach(txn, null, (id, task) -> {
				if (!task.isOpen() && task.updatedAt().isBefore(cutoff)) {
					ids.add(id);
				}
				return true;
			});
			return ids;
		});
		if (!old.isEmpty()) {
			this.store.writeAndWait((txn) -> {
				old.forEach((id) -> this.tasks.delete(txn, id));
				return null;
			});
		}
		return old.size();
	}

	private static Timer timer(TrackedTask task, String kind, Instant due) {
		return new Timer(task.id() + "/" + kind, kind, task.id(), due, task.dueAt(), null);
	}

	private static String stableId(String type, TrackedTask task) {
		String name = type + "|" + task.id() + "|" + task.dueAt().toEpochMilli();
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * The payload of {@code scheduler.task.due-soon} and {@code scheduler.task.overdue}.
	 *
	 * @param taskId the task
	 * @param title its title
	 * @param assigneeId its assignee, or null
	 * @param dueAt its due time
	 * @param firedAt when the clock fired
	 * @param late whether it fired late
	 * @param recipients who should hear of it: the assignee
	 */
	record TaskDeadline(String taskId, String title, String assigneeId, Instant dueAt, Instant firedAt, boolean late,
			List<String> recipients) {
	}

}
