package hub.ameen.scheduler.clock;

import hub.ameen.platform.security.Permissions;
import reactor.core.publisher.Mono;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clock's status: last tick, next due time, backlog, fired and late counts.
 */
@RestController
class ClockController {

	private final TimerClock clock;

	ClockController(TimerClock clock) {
		this.clock = clock;
	}

	@GetMapping("/api/scheduler/service")
	@PreAuthorize(Permissions.HAS_SCHEDULER_READ)
	Mono<ClockStatus> status() {
		return Mono.fromSupplier(this.clock::status);
	}

}
