package hub.ameen.crm.deal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import hub.ameen.crm.Callers;
import hub.ameen.crm.CrmWebSlice;
import hub.ameen.platform.test.web.JsonCalls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deals and pipelines without a broker: money as decimal strings, stages that must exist,
 * moves that close a deal, and a board that totals each stage per currency.
 */
@CrmWebSlice
class DealControllerTests {

	@TempDir
	static Path dir;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("hub.store.path", () -> dir.resolve("crm-service").toString());
	}

	@Autowired
	WebTestClient client;

	@BeforeEach
	void allowForASharedMachine() {
		this.client = this.client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@Test
	void theDefaultPipelineHasTheSixStagesInOrder() {
		this.client.get()
			.uri("/api/crm/pipelines/default")
			.header(HttpHeaders.AUTHORIZATION, Callers.OWNER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.stages[*].key")
			.isEqualTo(java.util.List.of("lead", "qualified", "proposal", "negotiation", "won", "lost"));
	}

	@Test
	void anAmountIsKeptAsADecimalStringScaledToItsCurrency() {
		JsonNode deal = create(Map.of("title", "Fit-out", "amount", Map.of("value", "1200.5", "currency", "SAR")));
		assertThat(deal.get("amount").get("value").isString()).isTrue();
		assertThat(deal.get("amount").get("value").asString()).isEqualTo("1200.50");
		assertThat(deal.get("stage").asString()).isEqualTo("lead");
		assertThat(deal.get("pipelineId").asString()).isEqualTo("default");
	}

	@Test
	void badMoneyAndStagesThatDoNotExistAreBadRequests() {
		rejects(Map.of("title", "X", "amount", Map.of("value", "12.5", "currency", "XXQ")), "amount.currencyKnown");
		rejects(Map.of("title", "X", "amount", Map.of("value", "12.505", "currency", "SAR")), "amount.scaleAllowed");
		rejects(Map.of("title", "X", "amount", Map.of("value", "1e3", "currency", "SAR")), "amount.value");
		rejects(Map.of("title", "X", "amount", Map.of("value", "10", "currency", "SAR"), "stage", "nowhere"), "stage");
		rejects(Map.of("title", "X", "amount", Map.of("value", "10", "currency", "SAR"), "pipelineId", "nope"),
				"pipelineId");
		rejects(Map.of("title", "X", "amount", Map.of("value", "10", "currency", "SAR"), "contactIds",
				java.util.List.of("nope")), "contactIds");
		String id = create(Map.of("title", "Y", "amount", Map.of("value", "10", "currency", "SAR"))).get("id")
			.asString();
		this.client.post()
			.uri("/api/crm/deals/" + id + "/stage")
			.header(HttpHeaders.AUTHORIZATION, Callers.OWNER)
			.bodyValue(Map.of("stage", "nowhere"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("stage");
	}

	@Test
	void movingToWonOrLostClosesTheDealAndMovingBackOpensIt() {
		String id = create(Map.of("title", "Close me", "amount", Map.of("value", "5", "currency", "USD"))).get("id")
			.asString();
		JsonNode won = move(id, Map.of("stage", "won"));
		assertThat(won.get("closedAt").isNull()).isFalse();
		JsonNode lost = move(id, Map.of("stage", "lost", "lostReason", "Budget"));
		assertThat(lost.get("lostReason").asString()).isEqualTo("Budget");
		JsonNode reopened = move(id, Map.of("stage", "proposal"));
		assertThat(reopened.get("closedAt").isNull()).isTrue();
		assertThat(reopened.get("lostReason").isNull()).isTrue();
	}

	@Test
	void theBoardCountsAndTotalsEachStagePerCurrency() {
		String pipeline = JsonCalls.create(this.client, "/api/crm/pipelines", Callers.MANAGER,
				Map.of("name", "Board-" + UUID.randomUUID(), "stages",
						java.util.List.of(Map.of("key", "open", "name", "Open", "probability", 20),
								Map.of("key", "won", "name", "Won", "probability", 100))))
			.get("id")
			.asString();
		create(Map.of("title", "A", "pipelineId", pipeline, "amount", Map.of("value", "0.10", "currency", "SAR")));
		create(Map.of("title", "B", "pipelineId", pipeline, "amount", Map.of("value", "0.20", "currency", "SAR")));
		create(Map.of("title", "C", "pipelineId", pipeline, "amount", Map.of("value", "7", "currency", "USD")));
		String won = create(
				Map.of("title", "D", "pipelineId", pipeline, "amount", Map.of("value", "100", "currency", "JPY")))
			.get("id")
			.asString();
		move(won, Map.of("stage", "won"));
		this.client.get()
			.uri("/api/crm/pipelines/" + pipeline + "/board")
			.header(HttpHeaders.AUTHORIZATION, Callers.OTHER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.stages[0].key")
			.isEqualTo("open")
			.jsonPath("$.stages[0].count")
			.isEqualTo(3)
			.jsonPath("$.stages[0].total.SAR")
			.isEqualTo("0.30")
			.jsonPath("$.stages[0].total.USD")
			.isEqualTo("7.00")
			.jsonPath("$.stages[0].deals.length()")
			.isEqualTo(3)
			.jsonPath("$.stages[1].count")
			.isEqualTo(1)
			.jsonPath("$.stages[1].total.JPY")
			.isEqualTo("100");
	}

	@Test
	void aStageThatHoldsDealsCannotBeRemoved() {
		String pipeline = JsonCalls.create(this.client, "/api/crm/pipelines", Callers.MANAGER,
				Map.of("name", "Keep-" + UUID.randomUUID(), "stages",
						java.util.List.of(Map.of("key", "a", "name", "A", "probability", 20),
								Map.of("key", "b", "name", "B", "probability", 50))))
			.get("id")
			.asString();
		create(Map.of("title", "In a", "pipelineId", pipeline, "amount", Map.of("value", "1", "currency", "SAR")));
		this.client.patch()
			.uri("/api/crm/pipelines/" + pipeline)
			.header(HttpHeaders.AUTHORIZATION, Callers.MANAGER)
			.bodyValue(Map.of("stages", java.util.List.of(Map.of("key", "b", "name", "B", "probability", 50))))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		this.client.patch()
			.uri("/api/crm/pipelines/" + pipeline)
			.header(HttpHeaders.AUTHORIZATION, Callers.MANAGER)
			.bodyValue(Map.of("stages", java.util.List.of(Map.of("key", "a", "name", "First", "probability", 30))))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void aDeletedCompanysContactsAndDealsStayWithoutIt() {
		String company = JsonCalls.create(this.client, "/api/crm/companies", Callers.OWNER, Map.of("name", "Closing"))
			.get("id")
			.asString();
		String contact = JsonCalls
			.create(this.client, "/api/crm/contacts", Callers.OWNER, Map.of("firstName", "Left", "companyId", company))
			.get("id")
			.asString();
		String deal = create(
				Map.of("title", "Orphan", "companyId", company, "amount", Map.of("value", "1", "currency", "SAR")))
			.get("id")
			.asString();
		this.client.delete()
			.uri("/api/crm/companies/" + company)
			.header(HttpHeaders.AUTHORIZATION, Callers.MANAGER)
			.exchange()
			.expectStatus()
			.isNoContent();
		for (String path : new String[] { "/api/crm/contacts/" + contact, "/api/crm/deals/" + deal }) {
			this.client.get()
				.uri(path)
				.header(HttpHeaders.AUTHORIZATION, Callers.OWNER)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.companyId")
				.isEmpty();
		}
	}

	private void rejects(Map<String, Object> body, String field) {
		this.client.post()
			.uri("/api/crm/deals")
			.header(HttpHeaders.AUTHORIZATION, Callers.OWNER)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(field);
	}

	private JsonNode move(String id, Map<String, Object> body) {
		return this.client.post()
			.uri("/api/crm/deals/" + id + "/stage")
			.header(HttpHeaders.AUTHORIZATION, Callers.OWNER)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private JsonNode create(Map<String, Object> body) {
		return JsonCalls.create(this.client, "/api/crm/deals", Callers.OWNER, body);
	}

}
