package hub.ameen.crm;

import java.util.List;
import java.util.Map;

import hub.ameen.platform.events.Topics;
import hub.ameen.platform.test.kafka.TopicReader;
import hub.ameen.platform.test.kafka.UsesKafka;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import hub.ameen.platform.test.web.JsonCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on the broker: contacts stored in LMDB and announced on
 * {@code hub.crm.contact.v1}. The controller's rules and permissions are
 * {@code ContactControllerTests}, without a broker.
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

		try (TopicReader reader = new TopicReader(Topics.CONTACT)) {
			List<String> types = reader.awaitUntil((all) -> all.stream().filter((r) -> id.equals(r.key())).count() >= 3)
				.stream()
				.filter((r) -> id.equals(r.key()))
				.map((r) -> JsonMapper.shared().readTree(r.value()).get("type").asString())
				.toList();
			assertThat(types).containsExactly("contact.created", "contact.updated", "contact.deleted");
		}
	}

	private JsonNode create(Map<String, Object> body) {
		return JsonCalls.create(this.client, "/api/crm/contacts", WRITER, body);
	}

}
