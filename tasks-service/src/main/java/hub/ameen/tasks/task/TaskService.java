package hub.ameen.tasks.task;

import java.time.Clock;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.PublishedCollection;
import hub.ameen.platform.events.PublishedCollection.Change;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.web.NotFoundException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Keeps tasks and publishes {@code task.created|updated|deleted} (the whole task) on
 * {@code hub.tasks.task.v1} in the same transaction.
 */
@Service
class TaskService {

	static final String TOPIC = Topics.name("tasks", "task", 1);

	private final Store store;

	private final PublishedCollection<Task> tasks;

	private final Clock clock;

	TaskService(Store store, Outbox outbox, JsonMapper json, Clock clock) {
		this.store = store;
		this.tasks = new PublishedCollection<>(store, outbox, json, "tasks", Task.class, Task::id, TOPIC, "task");
		this.clock = clock;
	}

	Mono<Task> create(TaskRequest request, String actorId) {
		Task task = request.toTask(Ids.next(), actorId, this.clock.instant());
		return this.store.write((txn) -> this.tasks.save(txn, task, Change.CREATED, actorId));
	}

	Mono<Task> get(String id) {
		return Mono.fromCallable(() -> this.tasks.get(id).orElseThrow(() -> notFound(id)));
	}

	Page<Task> list(PageRequest request, String assigneeId, Task.Status status) {
		return this.tasks.newestFirst(request, (task) -> (assigneeId == null || assigneeId.equals(task.assigneeId()))
				&& (status == null || status == task.status()));
	}

	Mono<Task> update(String id, TaskRequest change, CurrentUser actor) {
		return this.store.write((txn) -> this.tasks
			.update(txn, id, (current) -> change.applyTo(mayChange(current, actor), this.clock.instant()), actor.id())
			.orElseThrow(() -> notFound(id)));
	}

	Mono<Void> delete(String id, CurrentUser actor) {
		return this.store.write((txn) -> {
			mayChange(this.tasks.get(txn, id).orElseThrow(() -> notFound(id)), actor);
			return this.tasks.remove(txn, id, actor.id());
		}).then();
	}

	/**
	 * The task, if the actor may change it: its creator, its assignee, or a holder of
	 * {@code tasks:manage}.
	 */
	static Task mayChange(Task task, CurrentUser actor) {
		if (actor.can(Permissions.TASKS_MANAGE) || actor.id().equals(task.createdBy())
				|| actor.id().equals(task.assigneeId())) {
			return task;
		}
		throw new TaskAccessDenied(task.id());
	}

	private static NotFoundException notFound(String id) {
		return new NotFoundException("Task", id);
	}

}
