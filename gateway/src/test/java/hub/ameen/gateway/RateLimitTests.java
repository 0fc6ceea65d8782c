package hub.ameen.gateway;

import java.net.InetSocketAddress;
import java.time.Duration;

import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.test.kafka.UsesKafka;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import hub.ameen.platform.web.ProblemTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own limits, set small here: three API calls per user and two sign-ins per
 * client address, each per hour, so that nothing refills during the test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.gateway.rate-limits.api-per-user.capacity=3",
				"hub.gateway.rate-limits.api-per-user.window=1h",
				"hub.gateway.rate-limits.sign-in-per-address.capacity=2",
				"hub.gateway.rate-limits.sign-in-per-address.window=1h", "management.server.port=0",
				"hub.gateway.trusted-proxies=127.0.0.2" })
@UsesTestTokens
@UsesKafka
class RateLimitTests {

	static final Upstream upstream = Upstream.start("any");

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		GatewayTests.SERVICES.forEach((name) -> registry.add("hub.gateway.services." + name, upstream::url));
	}

	@AfterAll
	static void stop() {
		upstream.close();
	}

	@Test
	void aUsersCallsBeyondTheLimitAreRefusedWithRetryAfterAndNeverProxied() {
		String alice = TestTokens.shared().bearer("rate-alice", Permissions.CRM_READ);
		WebTestClient client = client("127.0.0.1");
		for (String path : new String[] { "/api/crm/contacts", "/api/tasks", "/api/scheduler/events" }) {
			client.get().uri(path).header(HttpHeaders.AUTHORIZATION, alice).exchange().expectStatus().isOk();
		}
		int proxied = upstream.echoed();
		client.get()
			.uri("/api/users/me")
			.header(HttpHeaders.AUTHORIZATION, alice)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.value(HttpHeaders.RETRY_AFTER, (seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 1200L))
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(429)
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.TOO_MANY_REQUESTS.toString());
		assertThat(upstream.echoed()).isEqualTo(proxied);
		// another user is counted apart
		String bob = TestTokens.shared().bearer("rate-bob", Permissions.CRM_READ);
		client.get().uri("/api/crm/contacts").header(HttpHeaders.AUTHORIZATION, bob).exchange().expectStatus().isOk();
		assertThat(refusals("api-per-user")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void signInsAreLimitedPerClientAddressWhateverAnUntrustedForwardedForSays() {
		WebTestClient direct = client("127.0.0.3");
		for (int i = 0; i < 2; i++) {
			signIn(direct, "198.51.100." + i).expectStatus().isOk();
		}
		signIn(direct, "198.51.100.99").expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER);
		// the address's other calls are not sign-ins
		direct.post()
			.uri("/api/auth/refresh")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"refreshToken\":\"x\"}")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(refusals("sign-in-per-address")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void behindATrustedProxyEachClientHasItsOwnSignInBucket() {
		WebTestClient proxy = client("127.0.0.2");
		for (int i = 0; i < 2; i++) {
			signIn(proxy, "203.0.113.7").expectStatus().isOk();
		}
		signIn(proxy, "203.0.113.7").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		signIn(proxy, "203.0.113.8").expectStatus().isOk();
	}

	private WebTestClient.ResponseSpec signIn(WebTestClient client, String forwardedFor) {
		return client.post()
			.uri("/api/auth/login")
			.header("X-Forwarded-For", forwardedFor)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\":\"a@b.c\",\"password\":\"x\"}")
			.exchange();
	}

	private WebTestClient client(String from) {
		HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(from, 0));
		return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	private double refusals(String limit) {
		String scrape = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.managementPort)
			.build()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return scrape.lines()
			.filter((line) -> line.startsWith("hub_gateway_rate_limited_total{") && line.contains("limit=\"" + limit))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
