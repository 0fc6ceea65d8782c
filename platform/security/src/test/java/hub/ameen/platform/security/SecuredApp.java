package hub.ameen.platform.security;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * A service with one guarded endpoint and two public ones.
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

		/** Whether the handler is handed one view of its request and of its headers. */
		@GetMapping("/open/views")
		Mono<Map<String, Object>> views(ServerWebExchange exchange) {
			return Mono.just(Map.of("sameRequest", exchange.getRequest() == exchange.getRequest(), "sameHeaders",
					exchange.getRequest().getHeaders() == exchange.getRequest().getHeaders(), "sameQuery",
					exchange.getRequest().getQueryParams() == exchange.getRequest().getQueryParams(), "name",
					String.valueOf(exchange.getRequest().getQueryParams().getFirst("name"))));
		}

	}

}
