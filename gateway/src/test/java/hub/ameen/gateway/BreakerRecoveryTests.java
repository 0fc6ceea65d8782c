package hub.ameen.gateway;

import java.time.Duration;

import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.test.ListenPorts;
import hub.ameen.platform.test.kafka.UsesKafka;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service killed and started again is served through the gateway again within seconds
 * of coming back: its breaker opens while calls fail, and tries again soon after, rather
 * than answering 503 for a minute after the service is back (resilience4j's default).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@UsesTestTokens
@UsesKafka
class BreakerRecoveryTests {

	/** Where every service is, and where nothing listens until the test starts one. */
	static final int SERVICE_PORT = ListenPorts.next(0);

	@LocalServerPort
	int port;

	@Autowired
	CircuitBreakerRegistry breakers;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		GatewayTests.SERVICES
			.forEach((name) -> registry.add("hub.gateway.services." + name, () -> "http://127.0.0.1:" + SERVICE_PORT));
	}

	@Test
	void aServiceBackAfterItsBreakerOpenedIsServedAgainWithinSeconds() {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
		String bearer = TestTokens.shared().bearer("user-1", Permissions.CRM_READ);
		CircuitBreaker breaker = this.breakers.circuitBreaker("crm-service");
		for (int i = 0; i < 200 && breaker.getState() != CircuitBreaker.State.OPEN; i++) {
			client.get()
				.uri("/api/crm/contacts")
				.header("Authorization", bearer)
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		}
		assertThat(breaker.getState()).as("the breaker of a service that refuses connections")
			.isEqualTo(CircuitBreaker.State.OPEN);
		try (Upstream crm = Upstream.startOn("crm", SERVICE_PORT)) {
			await().atMost(Duration.ofSeconds(15))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> client.get()
					.uri("/api/crm/contacts")
					.header("Authorization", bearer)
					.exchange()
					.returnResult(String.class)
					.getStatus()
					.is2xxSuccessful());
			assertThat(crm.echoed()).isPositive();
		}
	}

}
