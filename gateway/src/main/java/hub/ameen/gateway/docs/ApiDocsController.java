package hub.ameen.gateway.docs;

import java.net.URI;
import java.time.Duration;

import hub.ameen.gateway.GatewayProperties;
import hub.ameen.platform.web.NotFoundException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /api/docs/{service}.json}: the service's own OpenAPI document
 * ({@code /v3/api-docs}), as Swagger UI at {@code /api/docs} lists them. Its server is
 * relative, so "try it out" goes through the gateway.
 */
@RestController
class ApiDocsController {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final WebClient client = WebClient.create();

	private final GatewayProperties properties;

	ApiDocsController(GatewayProperties properties) {
		this.properties = properties;
	}

	@GetMapping(path = "/api/docs/{service}.json", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<byte[]>> document(@PathVariable String service) {
		URI base = this.properties.base(service);
		if (base == null) {
			return Mono.error(new NotFoundException("Service", service));
		}
		return this.client.get()
			.uri(UriComponentsBuilder.fromUri(base).path("/v3/api-docs").build().toUri())
			.retrieve()
			.bodyToMono(byte[].class)
			.timeout(TIMEOUT)
			.map((json) -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json))
			.onErrorMap((ex) -> !(ex instanceof NotFoundException),
					(ex) -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
							"The document of " + service + " cannot be fetched now"));
	}

}
