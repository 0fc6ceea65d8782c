package hub.ameen.gateway;

import java.time.Duration;

import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.test.kafka.UsesKafka;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries are for reads that never got an answer: a GET whose connection the service
 * dropped is tried again; a write is not, and neither is a read the service answered,
 * even with a 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@UsesTestTokens
@UsesKafka
class RetryTests {

	/** Drops the first two requests of each drop path: the third attempt gets through. */
	static final DroppingUpstream tasks = DroppingUpstream.start(2);

	static final Upstream others = Upstream.start("others");

	@LocalServerPort
	int port;

	WebTestClient client;

	final String bearer = TestTokens.shared().bearer("retry-user", Permissions.TASKS_READ, Permissions.TASKS_WRITE);

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		GatewayTests.SERVICES.forEach((name) -> registry.add("hub.gateway.services." + name,
				() -> name.equals("tasks-service") ? tasks.url() : others.url()));
	}

	@AfterAll
	static void stop() {
		tasks.close();
		others.close();
	}

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	@Test
	void aReadWhoseConnectionWasDroppedIsTriedAgainAndAnswered() {
		this.client.get()
			.uri("/api/tasks/drop-read")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.attempt")
			.isEqualTo(3);
		assertThat(tasks.requests("/api/tasks/drop-read")).isEqualTo(3);
	}

	@Test
	void aWriteWhoseConnectionWasDroppedIsNotSentAgain() {
		this.client.post()
			.uri("/api/tasks/drop-write")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(tasks.requests("/api/tasks/drop-write")).isEqualTo(1);
	}

	@Test
	void aReadTheServiceAnsweredWithAnErrorIsNotSentAgain() {
		this.client.get()
			.uri("/api/tasks/error")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(tasks.requests("/api/tasks/error")).isEqualTo(1);
	}

}
