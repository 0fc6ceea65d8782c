package hub.ameen.crm.activity;

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
 * Activities and timelines without a broker: each record's timeline, newest first by when
 * things happened, holds what people logged and what the system did.
 */
@CrmWebSlice
class ActivityControllerTests {

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
	void aContactsTimelineShowsItsCreationAndWhatWasLoggedNewestFirst() {
		String contact = create("/api/crm/contacts", Map.of("firstName", "Rana"));
		create("/api/crm/activities", Map.of("type", "call", "subject", "Intro call", "occurredAt",
				"2020-01-02T10:00:00Z", "contactId", contact));
		create("/api/crm/activities", Map.of("type", "meeting", "subject", "Demo", "occurredAt", "2020-01-03T10:00:00Z",
				"contactId", contact));
		assertThat(subjects("/api/crm/activities?contactId=" + contact)).containsExactly("Contact created", "Demo",
				"Intro call");
		assertThat(subjects("/api/crm/activities?type=call&contactId=" + contact)).containsExactly("Intro call");
	}

	@Test
	void aDealsTimelineRecordsEachStageChange() {
		String deal = create("/api/crm/deals",
				Map.of("title", "Timeline deal", "amount", Map.of("value", "1", "currency", "SAR")));
		for (String stage : List.of("qualified", "won")) {
			this.client.post()
				.uri("/api/crm/deals/" + deal + "/stage")
				.header(HttpHeaders.AUTHORIZATION, Callers.OWNER)
				.bodyValue(Map.of("stage", stage))
				.exchange()
				.expectStatus()
				.isOk();
		}
		assertThat(subjects("/api/crm/activities?dealId=" + deal)).containsExactly(
				"Stage changed from qualified to won", "Stage changed from lead to qualified", "Deal created in lead");
	}

	@Test
	void anActivityMustBeAboutARecordThatExistsAndSystemEntriesStayAsTheyAre() {
		this.client.post()
			.uri("/api/crm/activities")
			.header(HttpHeaders.AUTHORIZATION, Callers.OWNER)
			.bodyValue(Map.of("type", "note", "subject", "Orphan"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.client.post()
			.uri("/api/crm/activities")
			.header(HttpHeaders.AUTHORIZATION, Callers.OWNER)
			.bodyValue(Map.of("type", "fax", "subject", "Old", "dealId", "nope"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("type");
		this.client.post()
			.uri("/api/crm/activities")
			.header(HttpHeaders.AUTHORIZATION, Callers.OWNER)
			.bodyValue(Map.of("type", "note", "subject", "Lost", "dealId", "nope"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("dealId");
		String company = create("/api/crm/companies", Map.of("name", "Sys"));
		String entry = page("/api/crm/activities?companyId=" + company).get("items").get(0).get("id").asString();
		this.client.patch()
			.uri("/api/crm/activities/" + entry)
			.header(HttpHeaders.AUTHORIZATION, Callers.MANAGER)
			.bodyValue(Map.of("subject", "Rewritten"))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

	private List<String> subjects(String path) {
		return page(path).get("items").valueStream().map((item) -> item.get("subject").asString()).toList();
	}

	private JsonNode page(String path) {
		return this.client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, Callers.OTHER)
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
