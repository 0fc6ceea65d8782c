package hub.ameen.tasks.task;

import java.net.URI;
import java.time.Clock;

import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.web.PageResponse;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/tasks}: anyone with {@code tasks:read} reads every task; changes need
 * {@code tasks:write} and {@link TaskOwnership}.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

	private final Aggregate<Task> tasks;

	private final Clock clock;

	TaskController(Aggregate<Task> tasks, Clock clock) {
		this.tasks = tasks;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(Permissions.HAS_TASKS_READ)
	Mono<PageResponse<Task>> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) String assigneeId,
			@RequestParam(required = false) Task.Status status) {
		PageRequest page = PageRequest.of(limit, cursor);
		return Mono.fromCallable(() -> (assigneeId != null)
				? this.tasks.newestFirst(TaskConfiguration.BY_ASSIGNEE, assigneeId, page, (task) -> is(task, status))
				: this.tasks.newestFirst(page, (task) -> is(task, status)));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Permissions.HAS_TASKS_READ)
	Mono<Task> get(@PathVariable String id) {
		return Mono.fromCallable(() -> this.tasks.get(id));
	}

	@PostMapping
	@PreAuthorize(Permissions.HAS_TASKS_WRITE)
	Mono<ResponseEntity<Task>> create(@Valid @RequestBody CreateTaskRequest request) {
		return CurrentUser.current()
			.flatMap((me) -> this.tasks.create(request.toTask(Ids.next(), me.id(), this.clock.instant()), me.id()))
			.map((task) -> ResponseEntity.created(URI.create("/api/tasks/" + task.id())).body(task));
	}

	@PatchMapping("/{id}")
	@PreAuthorize(Permissions.HAS_TASKS_WRITE)
	Mono<Task> update(@PathVariable String id, @Valid @RequestBody PatchTaskRequest request) {
		return CurrentUser.current()
			.flatMap((me) -> this.tasks.update(id,
					(task) -> request.applyTo(TaskOwnership.check(task, me), this.clock.instant()), me.id()));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(Permissions.HAS_TASKS_WRITE)
	Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return CurrentUser.current()
			.flatMap((me) -> this.tasks.remove(id, (task) -> TaskOwnership.check(task, me), me.id()))
			.thenReturn(ResponseEntity.noContent().build());
	}

	private static boolean is(Task task, Task.Status status) {
		return status == null || status == task.status();
	}

}
