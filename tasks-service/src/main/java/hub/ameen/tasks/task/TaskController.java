package hub.ameen.tasks.task;

import java.net.URI;

import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.web.BadRequestException;
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
 * {@code /api/tasks}.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

	private final TaskService tasks;

	TaskController(TaskService tasks) {
		this.tasks = tasks;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('tasks:read')")
	Mono<Page<Task>> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) String assigneeId, @RequestParam(required = false) Task.Status status) {
		return Mono.fromCallable(() -> this.tasks.list(PageRequest.of(limit, cursor), assigneeId, status));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('tasks:read')")
	Mono<Task> get(@PathVariable String id) {
		return this.tasks.get(id);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('tasks:write')")
	Mono<ResponseEntity<Task>> create(@Valid @RequestBody TaskRequest request) {
		if (request.title() == null) {
			return Mono.error(new BadRequestException("title is required"));
		}
		return CurrentUser.current()
			.flatMap((me) -> this.tasks.create(request, me.id()))
			.map((task) -> ResponseEntity.created(URI.create("/api/tasks/" + task.id())).body(task));
	}

	@PatchMapping("/{id}")
	@PreAuthorize("hasAuthority('tasks:write')")
	Mono<Task> update(@PathVariable String id, @Valid @RequestBody TaskRequest request) {
		return CurrentUser.current().flatMap((me) -> this.tasks.update(id, request, me));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAuthority('tasks:write')")
	Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return CurrentUser.current()
			.flatMap((me) -> this.tasks.delete(id, me))
			.thenReturn(ResponseEntity.noContent().build());
	}

}
