package hub.ameen.scheduler.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.scheduler.clock.FiredSlot;
import hub.ameen.scheduler.clock.Firing;
import hub.ameen.scheduler.clock.Timer;
import hub.ameen.scheduler.clock.TimerHandler;
import hub.ameen.scheduler.clock.TimerIndex;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Keeps the timers of each open task with a due time: due-soon (the configured lead
 * before it, or at once when that has passed), overdue (at the due time) and one per
 * reminder ({@code minutesBefore} it). Each fires once per due time: a later change that
 * keeps the due time does not fire it again, one that moves it starts over. Done and
 * deleted tasks fire nothing.
 */
@Component
public class TaskDeadlines implements TimerHandler {

	static final String DUE_SOON = "task.due-soon";

	static final String OVERDUE = "task.overdue";

	static final String REMINDER = "task.reminder";

	private final Store store;

	private final Collection<String, TrackedTask> tasks;

	private final TimerIndex timers;

	private final Outbox outbox;

	private final TaskProperties properties;

	TaskDeadlines(Store store, TimerIndex timers, Outbox outbox, JsonMapper mapper, TaskProperties properties) {
		this.store = store;
		this.tasks = store.collection("tasks", Codec.utf8(), Codec.json(mapper, TrackedTask.class));
		this.timers = timers;
		this.outbox = outbox;
		this.properties = properties;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(DUE_SOON, OVERDUE, REMINDER);
	}

	Optional<TrackedTask> get(String id) {
		return this.tasks.get(id);
	}

	/** Follows a created or changed task, in the inbox's transaction. */
	void changed(WriteTxn txn, TaskChange change, Instant now) {
		TrackedTask previous = this.tasks.get(txn, change.id()).orElse(null);
		if (previous != null && TrackedTask.DELETED.equals(previous.status())) {
			return;
		}
		boolean sameDue = previous != null && Objects.equals(previous.dueAt(), change.dueAt());
		TrackedTask task = new TrackedTask(change.id(), change.title(), change.assigneeId(), change.dueAt(),
				change.status(), sameDue ? previous.dueSoonFiredFor() : null,
				sameDue ? previous.overdueFiredFor() : null, now, change.minutesBefore(),
				sameDue ? previous.remindersFired() : List.of(), change.createdBy());
		List<Timer> pending = this.timers.ofOwner(txn, task.id());
		this.tasks.put(txn, task.id(), task);
		this.timers.cancelOwner(txn, task.id());
		if (task.dueAt() == null || !task.isOpen()) {
			return;
		}
		scheduleReminders(txn, task, sameDue ? pending : List.of(), now);
		if (task.overdueFiredFor() == null) {
			this.timers.schedule(txn, timer(task, OVERDUE, task.dueAt(), null));
			if (task.dueSoonFiredFor() == null && task.dueAt().isAfter(now)) {
				Instant dueSoon = task.dueAt().minus(this.properties.dueSoon());
				this.timers.schedule(txn, timer(task, DUE_SOON, dueSoon.isAfter(now) ? dueSoon : now, null));
			}
		}
	}

	/**
	 * A timer per reminder not yet fired for this due time: those still ahead, and those
	 * that were already waiting (come due while the service was down: they fire late).
	 */
	private void scheduleReminders(WriteTxn txn, TrackedTask task, List<Timer> pending, Instant now) {
		for (int minutes : task.reminders()) {
			Instant due = task.dueAt().minus(Duration.ofMinutes(minutes));
			String slot = slot(task, REMINDER + "/" + minutes);
			boolean waiting = pending.stream().anyMatch((timer) -> timer.id().equals(slot));
			if (!task.remindersFired().contains(minutes) && (due.isAfter(now) || waiting)) {
				this.timers.schedule(txn, timer(task, REMINDER + "/" + minutes, due, minutes));
			}
		}
	}

	/** Forgets a deleted task and its timers, in the inbox's transaction. */
	void deleted(WriteTxn txn, String id, Instant now) {
		TrackedTask previous = this.tasks.get(txn, id).orElse(null);
		this.tasks.put(txn, id, new TrackedTask(id, (previous != null) ? previous.title() : null, null, null,
				TrackedTask.DELETED, null, null, now, List.of(), List.of(), null));
		this.timers.cancelOwner(txn, id);
	}

	@Override
	public Optional<Timer> fire(WriteTxn txn, Timer timer, Firing firing) {
		TrackedTask task = this.tasks.get(txn, timer.ownerId()).orElse(null);
		if (task == null || !task.isOpen() || !timer.occurrenceStart().equals(task.dueAt())) {
			return Optional.empty();
		}
		if (REMINDER.equals(timer.kind())) {
			remind(txn, task, timer.minutesBefore(), firing);
			return Optional.empty();
		}
		boolean overdue = OVERDUE.equals(timer.kind());
		if (overdue) {
			// a due-soon still waiting is pointless now
			this.timers.slot(txn, slot(task, DUE_SOON)).ifPresent((stale) -> this.timers.cancel(txn, stale));
		}
		this.tasks.put(txn, task.id(), overdue ? task.firedOverdue() : task.firedDueSoon());
		if (!firing.skipped()) {
			EventType<TaskDeadline> type = overdue ? TaskDeadline.OVERDUE : TaskDeadline.DUE_SOON;
			TaskDeadline payload = new TaskDeadline(task.id(), task.title(), task.assigneeId(), task.dueAt(),
					firing.firedAt(), firing.late(),
					(task.assigneeId() != null) ? List.of(task.assigneeId()) : List.of());
			this.outbox.publish(txn,
					type.about(task.id(), payload).withId(stableId(type.name(), task.id(), task.dueAt())));
		}
		return Optional.empty();
	}

	@Override
	public Optional<FiredSlot> firedBy(EventEnvelope event) {
		String taskId = event.payload().path("taskId").asString();
		String dueAt = event.payload().path("dueAt").asString();
		if (taskId.isEmpty() || dueAt.isEmpty()) {
			return Optional.empty();
		}
		String name;
		if (event.type().equals(TaskDeadline.DUE_SOON.name())) {
			name = DUE_SOON;
		}
		else if (event.type().equals(TaskDeadline.OVERDUE.name())) {
			name = OVERDUE;
		}
		else if (event.type().equals(TaskReminder.DUE.name())) {
			name = REMINDER + "/" + event.payload().path("minutesBefore").asInt();
		}
		else {
			return Optional.empty();
		}
		return Optional.of(new FiredSlot(taskId + "/" + name, Instant.parse(dueAt)));
	}

	private void remind(WriteTxn txn, TrackedTask task, Integer minutesBefore, Firing firing) {
		if (minutesBefore == null || !task.reminders().contains(minutesBefore)
				|| task.remindersFired().contains(minutesBefore)) {
			return;
		}
		this.tasks.put(txn, task.id(), task.firedReminder(minutesBefore));
		if (!firing.skipped()) {
			Instant due = task.dueAt().minus(Duration.ofMinutes(minutesBefore));
			TaskReminder payload = new TaskReminder(task.id(), task.title(), task.assigneeId(), task.dueAt(),
					minutesBefore, due, firing.firedAt(), firing.late(), task.recipients());
			this.outbox.publish(txn, TaskReminder.DUE.about(task.id(), payload)
				.withId(stableId(TaskReminder.DUE.name(), task.id() + "|" + minutesBefore, task.dueAt())));
		}
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

	private static String slot(TrackedTask task, String name) {
		return task.id() + "/" + name;
	}

	private static Timer timer(TrackedTask task, String name, Instant due, Integer minutesBefore) {
		String kind = name.startsWith(REMINDER) ? REMINDER : name;
		return new Timer(slot(task, name), kind, task.id(), due, task.dueAt(), minutesBefore);
	}

	private static String stableId(String type, String slot, Instant dueAt) {
		String name = type + "|" + slot + "|" + dueAt.toEpochMilli();
		return Ids.named(name);
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

		static final EventType<TaskDeadline> DUE_SOON = EventType.named("scheduler.task.due-soon")
			.on(Topics.TASK_DEADLINE);

		static final EventType<TaskDeadline> OVERDUE = EventType.named("scheduler.task.overdue")
			.on(Topics.TASK_DEADLINE);

	}

	/**
	 * The payload of {@code scheduler.task.reminder}: one of a task's reminders came due.
	 *
	 * @param taskId the task
	 * @param title its title
	 * @param assigneeId its assignee, or null
	 * @param dueAt the task's due time
	 * @param minutesBefore how long before it the reminder is
	 * @param remindAt when the reminder was due: {@code dueAt - minutesBefore}
	 * @param firedAt when the clock fired
	 * @param late whether it fired late
	 * @param recipients the assignee, else the task's creator
	 */
	record TaskReminder(String taskId, String title, String assigneeId, Instant dueAt, int minutesBefore,
			Instant remindAt, Instant firedAt, boolean late, List<String> recipients) {

		static final EventType<TaskReminder> DUE = EventType.named("scheduler.task.reminder").on(Topics.TASK_DEADLINE);

	}

}
