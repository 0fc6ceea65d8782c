package hub.ameen.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webflux.actuate.endpoint.web.WebFluxEndpointHandlerMapping;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.DispatcherHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that only names itself gets the shared actuator settings: both health probes
 * and Prometheus metrics tagged with its name.
 */
@SpringBootTest(classes = ManagementDefaultsTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.application.name=probe-app")
class ManagementDefaultsTests {

	@LocalServerPort
	int port;

	@Test
	void servesLivenessReadinessAndPrometheusTaggedWithTheApplication() {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
		for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			// in a sampled trace, so that a metric could carry it as an exemplar
			client.get()
				.uri(probe)
				.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP");
		}
		String metrics = client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains("application=\"probe-app\"");
		// as Prometheus asks for it: OpenMetrics, and no exemplars (Prometheus 2.42
		// refuses
		// the scrape when an exemplar sits on a _count line)
		String openMetrics = client.get()
			.uri("/actuator/prometheus")
			.header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(openMetrics).contains("http_server_requests_seconds_count").doesNotContain("trace_id=");
	}

	@Test
	void theApiIsLookedUpBeforeTheActuatorWhoseOwnPathsStillReachIt(@Autowired DispatcherHandler dispatcher) {
		List<Class<?>> order = dispatcher.getHandlerMappings()
			.stream()
			.map(Object::getClass)
			.filter((type) -> type == PathFirstHandlerMapping.class || type == WebFluxEndpointHandlerMapping.class)
			.collect(Collectors.toList());
		assertThat(order).containsExactly(PathFirstHandlerMapping.class, WebFluxEndpointHandlerMapping.class);

		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
		client.get().uri("/api/ping").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("pong");
		client.get().uri("/actuator/health").exchange().expectStatus().isOk();
		client.get()
			.uri("/actuator/nothing")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.NOT_FOUND.toString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Ping.class)
	static class App {

	}

	@RestController
	static class Ping {

		@GetMapping("/api/ping")
		Mono<String> ping() {
			return Mono.just("pong");
		}

	}

}
