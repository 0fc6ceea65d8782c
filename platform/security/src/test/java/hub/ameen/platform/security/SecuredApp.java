package hub.ameen.platform.security;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service with one guarded endpoint and one public one.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SecuredApp.GuardedController.class)
class SecuredApp {

	@RestController
	static class GuardedController {

		@GetMapping("/api/crm/contacts")
		@PreAuthorize(Permissions.HAS_CRM_READ)
		Mono<Map<String, Object>> contacts() {
			return CurrentUser.current()
				.map((user) -> Map.of("id", user.id(), "email", user.email(), "perms", user.perms(), "canWrite",
						user.can(Permissions.CRM_WRITE)));
		}

		@GetMapping("/open/ping")
		Mono<String> ping() {
			return Mono.just("pong");
		}

	}

}
