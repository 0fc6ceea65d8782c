package hub.ameen.gateway.health;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import hub.ameen.gateway.GatewayProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Asks every service's {@code /actuator/health} at once; a service that errs or is slower
 * than {@code hub.gateway.health-timeout} is {@code DOWN}. Answers 200 when all are up,
 * 503 otherwise.
 */
@RestController
class HealthController {

	private final WebClient client = WebClient.create();

	private final GatewayProperties properties;

	HealthController(GatewayProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/api/health")
	Mono<ResponseEntity<HealthReport>> health() {
		return Flux.fromIterable(this.properties.services().entrySet())
			.flatMap((service) -> status(service.getValue()).map((status) -> Map.entry(service.getKey(), status)))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map(this::inConfigurationOrder)
			.map(HealthReport::of)
			.map((report) -> ResponseEntity.status(report.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
				.body(report));
	}

	/** UP when every instance of the service is. */
	private Mono<String> status(List<URI> instances) {
		return Flux.fromIterable(instances)
			.flatMap(this::status)
			.all(HealthReport.UP::equals)
			.map((up) -> up ? HealthReport.UP : HealthReport.DOWN);
	}

	private Mono<String> status(URI base) {
		return this.client.get()
			.uri(UriComponentsBuilder.fromUri(base).path("/actuator/health").build().toUri())
			.retrieve()
			.bodyToMono(Map.class)
			.map((body) -> HealthReport.UP.equals(body.get("status")) ? HealthReport.UP : HealthReport.DOWN)
			.timeout(this.properties.healthTimeout())
			.onErrorReturn(HealthReport.DOWN);
	}

	private Map<String, String> inConfigurationOrder(Map<String, String> statuses) {
		Map<String, String> ordered = new LinkedHashMap<>();
		this.properties.services().keySet().forEach((name) -> ordered.put(name, statuses.get(name)));
		return ordered;
	}

}
