package hub.ameen.crm.merge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * Merging contacts without a broker: the duplicate's deals and activities follow, its
 * email and tags fill the kept contact, it is gone, and one timeline entry says so.
 */
@CrmWebSlice
class ContactMergeTests {

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
	void theDuplicatesDealsActivitiesAndBlanksMoveToTheKeptContactAndItIsGone() {
		String kept = create("/api/crm/contacts", Map.of("firstName", "Nadia", "tags", List.of("vip")));
		String duplicate = create("/api/crm/contacts", Map.of("firstName", "Nadia", "lastName", "Aziz", "email",
				"nadia@example.com", "tags", List.of("lead")));
		String deal = create("/api/crm/deals", Map.of("title", "Both", "amount",
				Map.of("value", "10", "currency", "SAR"), "contactIds", List.of(kept, duplicate)));
		create("/api/crm/activities", Map.of("type", "call", "subject", "Spoke to Nadia", "contactId", duplicate));

		JsonNode merged = this.client.post()
			.uri("/api/crm/contacts/" + kept + "/merge")
			.header(HttpHeaders.AUTHORIZATION, Callers.MANAGER)
			.bodyValue(Map.of("duplicateId", duplicate))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(merged.get("movedDealIds").get(0).asString()).isEqualTo(deal);
		JsonNode contact = get("/api/crm/contacts/" + kept);
		assertThat(contact.get("email").asString()).isEqualTo("nadia@example.com");
		assertThat(contact.get("lastName").asString()).isEqualTo("Aziz");
		assertThat(contact.get("tags").valueStream().map(JsonNode::asString)).containsExactly("vip", "lead");
		assertThat(get("/api/crm/deals/" + deal).get("contactIds").valueStream().map(JsonNode::asString))
			.containsExactly(kept);
		this.client.get()
			.uri("/api/crm/contacts/" + duplicate)
			.header(HttpHeaders.AUTHORIZATION, Callers.OWNER)
			.exchange()
			.expectStatus()
			.isNotFound();
		List<String> timeline = get("/api/crm/activities?contactId=" + kept).get("items")
			.valueStream()
			.map((item) -> item.get("subject").asString())
			.toList();
		assertThat(timeline).filteredOn((subject) -> subject.startsWith("Merged")).hasSize(1);
		assertThat(timeline).contains("Spoke to Nadia");
	}

	@Test
	void aContactIsNotMergedIntoItselfNorFromOneThatIsMissing() {
		String kept = create("/api/crm/contacts", Map.of("firstName", "Solo"));
		for (Map.Entry<String, Integer> attempt : Map.of(kept, 400, "nope", 404).entrySet()) {
			this.client.post()
				.uri("/api/crm/contacts/" + kept + "/merge")
				.header(HttpHeaders.AUTHORIZATION, Callers.MANAGER)
				.bodyValue(Map.of("duplicateId", attempt.getKey()))
				.exchange()
				.expectStatus()
				.isEqualTo(attempt.getValue())
				.expectHeader()
				.contentType("application/problem+json");
		}
		assertThat(get("/api/crm/contacts/" + kept).get("firstName").asString()).isEqualTo("Solo");
	}

	private JsonNode get(String path) {
		return this.client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, Callers.OWNER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private String create(String path, Object body) {
		return JsonCalls.create(this.client, path, Callers.OWNER, body).get("id").asString();
	}

}
