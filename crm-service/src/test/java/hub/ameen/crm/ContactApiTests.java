package hub.ameen.crm;

import java.util.List;
import java.util.Map;

import hub.ameen.platform.events.Topics;
import hub.ameen.platform.test.kafka.TopicReader;
import hub.ameen.platform.test.kafka.UsesKafka;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import hub.ameen.platform.test.web.ApiDocsCoverage;
import hub.ameen.platform.test.web.JsonCalls;
import hub.ameen.crm.Callers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
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

	@Autowired
	ApplicationContext context;

	@Test
	void everyEndpointIsInTheOpenApiDocumentWithItsPermissions() {
		assertThat(ApiDocsCoverage.gaps(this.context, this.client)).isEmpty();
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectBody()
			.jsonPath("$.paths['/api/crm/contacts'].post['x-permissions'][0]")
			.isEqualTo("crm:write")
			.jsonPath("$.paths['/api/crm/contacts/{id}'].get.responses['404'].content['application/problem+json']")
			.exists();
	}

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
			.header(HttpHeaders.AUTHORIZATION, Callers.MANAGER)
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

	@Test
	void aDealAtACompanyMovesToWonAndTheBoardTimelineAndEventsFollow() {
		String company = JsonCalls
			.create(this.client, "/api/crm/companies", WRITER,
					Map.of("name", "Najd Trading", "domain", "https://www.najd-" + System.nanoTime() + ".example/"))
			.get("id")
			.asString();
		String first = create(Map.of("firstName", "Sara", "companyId", company)).get("id").asString();
		String second = create(Map.of("firstName", "Faisal", "companyId", company)).get("id").asString();
		String deal = JsonCalls.create(this.client, "/api/crm/deals", WRITER,
				Map.of("title", "Fleet", "amount", Map.of("value", "250000.75", "currency", "SAR"), "companyId",
						company, "contactIds", List.of(first, second), "ownerId", "sales-2"))
			.get("id")
			.asString();
		for (String stage : List.of("qualified", "proposal", "negotiation", "won")) {
			this.client.post()
				.uri("/api/crm/deals/" + deal + "/stage")
				.header(HttpHeaders.AUTHORIZATION, Callers.MANAGER)
				.bodyValue(Map.of("stage", stage))
				.exchange()
				.expectStatus()
				.isOk();
		}
		JsonNode board = this.client.get()
			.uri("/api/crm/pipelines/default/board")
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		JsonNode won = board.get("stages").get(4);
		assertThat(won.get("key").asString()).isEqualTo("won");
		assertThat(won.get("total").get("SAR").asString()).isEqualTo("250000.75");
		assertThat(JsonCalls.count(this.client, "/api/crm/activities?dealId=" + deal, WRITER)).isEqualTo(5);
		assertThat(JsonCalls.count(this.client, "/api/crm/activities?companyId=" + company, WRITER)).isEqualTo(8);

		try (TopicReader reader = new TopicReader(Topics.DEAL)) {
			List<String> types = reader
				.awaitUntil((all) -> all.stream().filter((r) -> deal.equals(r.key())).count() >= 11)
				.stream()
				.filter((r) -> deal.equals(r.key()))
				.map((r) -> JsonMapper.shared().readTree(r.value()).get("type").asString())
				.toList();
			assertThat(types).containsExactly("deal.created", "deal.assigned", "deal.updated", "deal.stage-changed",
					"deal.updated", "deal.stage-changed", "deal.updated", "deal.stage-changed", "deal.updated",
					"deal.stage-changed", "deal.won");
		}
	}

	private JsonNode create(Map<String, Object> body) {
		return JsonCalls.create(this.client, "/api/crm/contacts", WRITER, body);
	}

}
