package hub.ameen.crm.contact;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import hub.ameen.crm.Callers;
import hub.ameen.crm.CrmWebSlice;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.web.JsonCalls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contact rules without a broker: validation, 404, unique emails, search, filters,
 * sorting, pages and ownership (the permission matrix is
 * {@code CrmPermissionMatrixTests}), over a real store in a temporary directory (the
 * outbox fills; no relay runs).
 */
@CrmWebSlice
class ContactControllerTests {

	@TempDir
	static Path dir;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("hub.store.path", () -> dir.resolve("crm-service").toString());
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
		// contact.created, and activity.created for its timeline's "created" entry
		assertThat(this.outbox.backlog()).isEqualTo(announced + 2);
	}

	@Test
	void aMissingContactIsNotFoundForEveryVerb() {
		for (HttpMethod method : new HttpMethod[] { HttpMethod.GET, HttpMethod.PATCH, HttpMethod.DELETE }) {
			WebTestClient.RequestBodySpec request = this.client.method(method)
				.uri("/api/crm/contacts/nope")
				.header(HttpHeaders.AUTHORIZATION, Callers.MANAGER);
			((method == HttpMethod.PATCH) ? request.bodyValue(Map.of("phone", "1")) : request).exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType("application/problem+json");
		}
	}

	@Test
	void aSecondContactWithTheSameEmailInAnyCaseIsAConflictNamingTheFirst() {
		String first = create(Map.of("firstName", "Layla", "email", "Layla@Example.com")).get("id").asString();
		this.client.post()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.bodyValue(Map.of("firstName", "Copy", "email", "layla@example.COM"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.existingId")
			.isEqualTo(first)
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains(first));
		String second = create(Map.of("firstName", "Other", "email", "other@example.com")).get("id").asString();
		this.client.patch()
			.uri("/api/crm/contacts/" + second)
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.bodyValue(Map.of("email", "LAYLA@example.com"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.existingId")
			.isEqualTo(first);
	}

	@Test
	void aPrefixOfAFirstNameLastNameOrEmailFindsTheContactInNameOrder() {
		String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
		create(Map.of("firstName", "Zayd", "lastName", "Qasim", "email", tag + "zq@example.com", "tags", List.of(tag)));
		create(Map.of("firstName", "Qamar", "lastName", "Saleh", "tags", List.of(tag)));
		create(Map.of("firstName", "Huda", "lastName", "Nasser", "tags", List.of(tag)));
		assertThat(names("/api/crm/contacts?q=qa&tag=" + tag)).containsExactly("Qamar Saleh", "Zayd Qasim");
		assertThat(names("/api/crm/contacts?q=" + tag + "zq&tag=" + tag)).containsExactly("Zayd Qasim");
		assertThat(names("/api/crm/contacts?q=HUDA&tag=" + tag)).containsExactly("Huda Nasser");
		assertThat(names("/api/crm/contacts?sort=name&tag=" + tag)).containsExactly("Huda Nasser", "Qamar Saleh",
				"Zayd Qasim");
		assertThat(names("/api/crm/contacts?sort=-name&tag=" + tag)).containsExactly("Zayd Qasim", "Qamar Saleh",
				"Huda Nasser");
		assertThat(names("/api/crm/contacts?tag=" + tag)).containsExactly("Huda Nasser", "Qamar Saleh", "Zayd Qasim");
		assertThat(names("/api/crm/contacts?sort=createdAt&tag=" + tag)).containsExactly("Zayd Qasim", "Qamar Saleh",
				"Huda Nasser");
	}

	@Test
	void contactsFilterByCompanyAndPageWithACursor() {
		String company = JsonCalls.create(this.client, "/api/crm/companies", WRITER, Map.of("name", "Filtered"))
			.get("id")
			.asString();
		for (int i = 0; i < 3; i++) {
			create(Map.of("firstName", "Staff" + i, "companyId", company));
		}
		JsonNode first = page("/api/crm/contacts?limit=2&companyId=" + company);
		assertThat(first.get("items")).hasSize(2);
		JsonNode second = page(
				"/api/crm/contacts?limit=2&companyId=" + company + "&cursor=" + first.get("nextCursor").asString());
		assertThat(second.get("items")).hasSize(1);
		assertThat(second.get("items").get(0).get("firstName").asString()).isEqualTo("Staff0");
		assertThat(second.get("nextCursor").isNull()).isTrue();
	}

	@Test
	void aCompanyThatDoesNotExistOrAnUnknownSortIsABadRequest() {
		this.client.post()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.bodyValue(Map.of("firstName", "X", "companyId", "nope"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("companyId");
		this.client.get()
			.uri("/api/crm/contacts?sort=shoeSize")
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json");
	}

	@Test
	void aMemberChangesTheContactsTheyOwnAndNoOneElses() {
		String mine = JsonCalls.create(this.client, "/api/crm/contacts", Callers.OWNER, Map.of("firstName", "Mine"))
			.get("id")
			.asString();
		this.client.patch()
			.uri("/api/crm/contacts/" + mine)
			.header(HttpHeaders.AUTHORIZATION, Callers.OTHER)
			.bodyValue(Map.of("firstName", "Taken"))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.patch()
			.uri("/api/crm/contacts/" + mine)
			.header(HttpHeaders.AUTHORIZATION, Callers.OWNER)
			.bodyValue(Map.of("ownerId", "member-other"))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.patch()
			.uri("/api/crm/contacts/" + mine)
			.header(HttpHeaders.AUTHORIZATION, Callers.OTHER)
			.bodyValue(Map.of("firstName", "Handed over"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private List<String> names(String path) {
		JsonNode items = page(path).get("items");
		return items.valueStream()
			.map((item) -> item.get("firstName").asString()
					+ (item.get("lastName").isNull() ? "" : " " + item.get("lastName").asString()))
			.toList();
	}

	private JsonNode page(String path) {
		return this.client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private JsonNode create(Map<String, Object> body) {
		return JsonCalls.create(this.client, "/api/crm/contacts", WRITER, body);
	}

	private long count() {
		return JsonCalls.count(this.client, "/api/crm/contacts?limit=200", WRITER);
	}

}
