package hub.ameen.platform.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

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
			client.get().uri(probe).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
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
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
