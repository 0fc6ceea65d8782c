package hub.ameen.tasks.task;

import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.function.Predicate;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.web.BadRequestException;
import hub.ameen.platform.web.PageResponse;
import hub.ameen.tasks.user.UserDirectory;
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

	private final TaskBoard board;

	private final UserDirectory users;

	private final TaskSeries series;

	private final Clock clock;

	TaskController(Aggregate<Task> tasks, TaskBoard board, UserDirectory users, TaskSeries series, Clock clock) {
		this.tasks = tasks;
		this.board = board;
		this.users = users;
		this.series = series;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(Permissions.HAS_TASKS_READ)
	Mono<PageResponse<Task>> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) TaskQuery.View view,
			@RequestParam(required = false) Task.Status status, @RequestParam(required = false) String assigneeId,
			@RequestParam(required = false) String label, @RequestParam(required = false) String q,
			@RequestParam(required = false) String tz) {
		PageRequest page = PageRequest.of(limit, cursor);
		TaskQuery query = new TaskQuery(view, status, bounded("assigneeId", assigneeId, 64),
				bounded("label", label, 40), bounded("q", q, 200));
		return CurrentUser.current().map((me) -> {
			Predicate<Task> filter = query.filter(me.id(), this.clock.instant(), zone(tz, me),
					this.users.defaults().firstDayOfWeek());
			String assignee = query.assignedTo(me.id());
			if (assignee != null) {
				return this.tasks.newestFirst(TaskConfiguration.BY_ASSIGNEE, assignee, page, filter);
			}
			if (view == TaskQuery.View.created) {
				return this.tasks.newestFirst(TaskConfiguration.BY_CREATOR, me.id(), page, filter);
			}
			return this.tasks.newestFirst(page, filter);
		});
	}

	@GetMapping("/board")
	@PreAuthorize(Permissions.HAS_TASKS_READ)
	Mono<TaskBoard.Board> board() {
		return Mono.fromCallable(this.board::board);
	}

	@PostMapping("/{id}/move")
	@PreAuthorize(Permissions.HAS_TASKS_WRITE)
	Mono<Task> move(@PathVariable String id, @Valid @RequestBody TaskBoard.MoveRequest request) {
		return CurrentUser.current().flatMap((me) -> this.board.move(id, request, me, this.clock.instant()));
	}

	@PostMapping("/bulk")
	@PreAuthorize(Permissions.HAS_TASKS_WRITE)
	Mono<BulkTaskRequest.Result> bulk(@Valid @RequestBody BulkTaskRequest request) {
		return CurrentUser.current()
			.flatMap((me) -> this.series.changeAll(request.distinctIds(), request.patch().toPatch(), me))
			.map(BulkTaskRequest.Result::new);
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
			.flatMap((me) -> this.series.create(request.toTask(Ids.next(), me.id(), this.clock.instant()), me.id()))
			.map((task) -> ResponseEntity.created(URI.create("/api/tasks/" + task.id())).body(task));
	}

	@PatchMapping("/{id}")
	@PreAuthorize(Permissions.HAS_TASKS_WRITE)
	Mono<Task> update(@PathVariable String id, @Valid @RequestBody PatchTaskRequest request) {
		return CurrentUser.current().flatMap((me) -> this.series.change(id, request, me));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(Permissions.HAS_TASKS_WRITE)
	Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return CurrentUser.current()
			.flatMap((me) -> this.tasks.remove(id, (task) -> TaskOwnership.check(task, me), me.id()))
			.thenReturn(ResponseEntity.noContent().build());
	}

	private static String bounded(String name, String value, int max) {
		if (value != null && value.length() > max) {
			throw new BadRequestException(name + " must be at most " + max + " characters");
		}
		return value;
	}

	private ZoneId zone(String tz, CurrentUser me) {
		if (tz == null || tz.isBlank()) {
			return this.users.zoneOf(me.id());
		}
		try {
			return ZoneId.of(tz);
		}
		catch (DateTimeException ex) {
			throw new BadRequestException("tz must be a time zone id such as Asia/Riyadh");
		}
	}

}
