package hub.ameen.crm.contact;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.security.PlatformSecurityAutoConfiguration;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.config.StoreAutoConfiguration;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import hub.ameen.platform.test.web.JsonCalls;
import hub.ameen.platform.test.web.PermissionMatrix;
import hub.ameen.platform.web.PlatformWebAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controller's rules without a broker: validation, 404 and the permission matrix,
 * over a real store in a temporary directory (the outbox fills; no relay runs).
 */
@WebFluxTest(ContactController.class)
@ImportAutoConfiguration({ PlatformWebAutoConfiguration.class, PlatformSecurityAutoConfiguration.class,
		StoreAutoConfiguration.class })
@Import({ ContactConfiguration.class, ContactControllerTests.Outboxed.class })
@UsesTestTokens
class ContactControllerTests {

	@TempDir
	static Path dir;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("hub.store.path", () -> dir.resolve("crm-service").toString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Outboxed {

		@Bean
		Outbox outbox(Store store) {
			return new Outbox(store);
		}

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

	static final String WRITER = TestTokens.shared().bearer("sales-1", "crm:read", "crm:write");

	@Autowired
	WebTestClient client;

	@Autowired
	Outbox outbox;

	@BeforeEach
	void allowForASharedMachine() {
		this.client = this.client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@Test
	void badInputIsAProblemListingEachFieldAndStoresNothing() {
		long before = count();
		long announced = this.outbox.backlog();
		this.client.post()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.bodyValue(Map.of("firstName", "X", "email", "not-an-email"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("email");
		this.client.post()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.bodyValue(Map.of("lastName", "NoFirstName"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("firstName");
		String id = JsonCalls.create(this.client, "/api/crm/contacts", WRITER, Map.of("firstName", "Keep"))
			.get("id")
			.asString();
		this.client.patch()
			.uri("/api/crm/contacts/" + id)
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.bodyValue(Map.of("firstName", " "))
			.exchange()
			.expectStatus()
			.isBadRequest();

		assertThat(count()).isEqualTo(before + 1);
		assertThat(this.outbox.backlog()).isEqualTo(announced + 1);
	}

	@Test
	void aMissingContactIsNotFoundForEveryVerb() {
		for (HttpMethod method : new HttpMethod[] { HttpMethod.GET, HttpMethod.PATCH, HttpMethod.DELETE }) {
			WebTestClient.RequestBodySpec request = this.client.method(method)
				.uri("/api/crm/contacts/nope")
				.header(HttpHeaders.AUTHORIZATION, WRITER);
			((method == HttpMethod.PATCH) ? request.bodyValue(Map.of("phone", "1")) : request).exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType("application/problem+json");
		}
	}

	@TestFactory
	Stream<DynamicTest> permissions() {
		String id = create(Map.of("firstName", "Omar")).get("id").asString();
		Supplier<Object> contact = () -> Map.of("firstName", "P-" + UUID.randomUUID());
		return PermissionMatrix.of(this.client)
			.caller("anonymous", () -> null)
			.caller("member", () -> TestTokens.shared().bearer("m", "crm:read", "tasks:write"))
			.caller("manager", () -> TestTokens.shared().bearer("g", "crm:read", "crm:write"))
			.caller("admin", () -> TestTokens.shared().bearer("a", "crm:read", "crm:write", "users:admin"))
			.row(HttpMethod.GET, "/api/crm/contacts", null, 401, 200, 200, 200)
			.row(HttpMethod.GET, "/api/crm/contacts/" + id, null, 401, 200, 200, 200)
			.row(HttpMethod.POST, "/api/crm/contacts", contact, 401, 403, 201, 201)
			.row(HttpMethod.PATCH, "/api/crm/contacts/" + id, contact, 401, 403, 200, 200)
			.tests();
	}

	private JsonNode create(Map<String, Object> body) {
		return JsonCalls.create(this.client, "/api/crm/contacts", WRITER, body);
	}

	private long count() {
		return JsonCalls.count(this.client, "/api/crm/contacts?limit=200", WRITER);
	}

}
