package hub.ameen.platform.security;

import java.time.Duration;

import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.web.ProblemTypes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * auth-service may start after the others: a service starts without its key set and
 * answers 503, not 500, while the keys cannot be fetched. The default key set location
 * follows {@code HUB_PORT_AUTH}.
 */
@SpringBootTest(classes = SecuredApp.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = "HUB_PORT_AUTH=1")
class UnreachableJwksTests {

	@LocalServerPort
	int port;

	@Autowired
	HubSecurityProperties properties;

	@Test
	void defaultJwksUriFollowsTheAuthPort() {
		assertThat(this.properties.jwksUri()).isEqualTo("http://localhost:1/api/auth/jwks");
		assertThat(this.properties.issuer()).isEqualTo(TestTokens.ISSUER);
		assertThat(this.properties.audience()).isEqualTo(TestTokens.AUDIENCE);
		assertThat(this.properties.allowedAlgorithms()).containsExactly("RS256");
	}

	@Test
	void startsWithoutKeysAndAnswersServiceUnavailable() {
		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build()
			.get()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.shared().bearer("u", Permissions.CRM_READ))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.SERVICE_UNAVAILABLE.toString());
	}

}
