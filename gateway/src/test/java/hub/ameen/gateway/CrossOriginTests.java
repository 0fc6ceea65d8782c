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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Another team's page on {@code https://crm.partner.example} may call the API; any other
 * origin may not, and the hub's own pages are not taken for another origin.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0",
				"hub.gateway.headers.cors.allowed-origins=https://crm.partner.example, " })
@UsesTestTokens
@UsesKafka
class CrossOriginTests {

	static final String PARTNER = "https://crm.partner.example";

	static final Upstream upstream = Upstream.start("any");

	@LocalServerPort
	int port;

	WebTestClient client;

	final String bearer = TestTokens.shared().bearer("cors-user", Permissions.CRM_READ);

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		GatewayTests.SERVICES.forEach((name) -> registry.add("hub.gateway.services." + name, upstream::url));
	}

	@AfterAll
	static void stop() {
		upstream.close();
	}

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	@Test
	void aPreflightFromAnAllowedOriginIsAnsweredWithoutAToken() {
		this.client.options()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.ORIGIN, PARTNER)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, PARTNER)
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, (methods) -> methods.contains("POST"))
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
	}

	@Test
	void anAllowedOriginMayReadTheAnswerAndItsRetryAfter() {
		this.client.get()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.ORIGIN, PARTNER)
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, PARTNER)
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, (exposed) -> exposed.contains("Retry-After"));
	}

	@Test
	void anotherOriginIsRefusedBeforeItsCallReachesAService() {
		int before = upstream.echoed();
		this.client.get()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		this.client.options()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
			.exchange()
			.expectStatus()
			.isForbidden();
		org.assertj.core.api.Assertions.assertThat(upstream.echoed()).isEqualTo(before);
	}

	@Test
	void theHubsOwnPagesAreNotCrossOriginBehindTheEdge() {
		// behind Nginx the browser's origin is https://hub.example on 443 while the
		// gateway is called over plain HTTP on its own port
		this.client.post()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.HOST, "hub.example")
			.header(HttpHeaders.ORIGIN, "https://hub.example")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.exchange()
			.expectStatus()
			.isOk();
	}

}
