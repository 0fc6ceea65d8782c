package hub.ameen.crm;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import hub.ameen.platform.test.kafka.TopicReader;
import hub.ameen.platform.test.kafka.UsesKafka;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import hub.ameen.platform.test.web.JsonCalls;
import hub.ameen.platform.test.web.PermissionMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contacts over HTTP: stored in LMDB, announced on {@code hub.crm.contact.v1}, guarded by
 * {@code crm:read} / {@code crm:write}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@UsesKafka
@UsesTestTokens
class ContactApiTests {

	@TempDir
	static java.nio.file.Path dir;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("hub.store.path", () -> dir.resolve("crm-service").toString());
	}

	static final String WRITER = TestTokens.shared().bearer("sales-1", "crm:read", "crm:write");

	@Autowired
	WebTestClient client;

	@Test
	void contactIsStoredPublishedChangedAndDeleted() {
		JsonNode created = create(Map.of("firstName", "Layla", "lastName", "Haddad", "email", "layla@example.com",
				"tags", List.of("vip")));
		String id = created.get("id").asString();
		assertThat(created.get("ownerId").asString()).isEqualTo("sales-1");

		this.client.patch()
			.uri("/api/crm/contacts/" + id)
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.bodyValue(Map.of("phone", "+966 11 000 0000"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.phone")
			.isEqualTo("+966 11 000 0000")
			.jsonPath("$.lastName")
			.isEqualTo("Haddad");
		this.client.delete()
			.uri("/api/crm/contacts/" + id)
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.exchange()
			.expectStatus()
			.isNoContent();
		this.client.get()
			.uri("/api/crm/contacts/" + id)
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.exchange()
			.expectStatus()
			.isNotFound();

		try (TopicReader reader = new TopicReader("hub.crm.contact.v1")) {
			List<String> types = reader.awaitUntil((all) -> all.stream().filter((r) -> id.equals(r.key())).count() >= 3)
				.stream()
				.filter((r) -> id.equals(r.key()))
				.map((r) -> JsonMapper.shared().readTree(r.value()).get("type").asString())
				.toList();
			assertThat(types).containsExactly("contact.created", "contact.updated", "contact.deleted");
		}
	}

	@Test
	void badInputIsAProblemAndStoresNothing() {
		long before = count();
		this.client.post()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.bodyValue(Map.of("firstName", "X", "email", "not-an-email"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("email");
		this.client.post()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.bodyValue(Map.of("lastName", "NoFirstName"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(count()).isEqualTo(before);
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
