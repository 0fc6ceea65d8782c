package hub.ameen.crm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import hub.ameen.platform.test.web.JsonCalls;
import hub.ameen.platform.test.web.PermissionMatrix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every CRM endpoint × {anonymous, member owning the record, member not owning it,
 * manager, admin}: reads need {@code crm:read}; creating needs {@code crm:write};
 * changing needs ownership or {@code crm:manage}; deleting, merging, importing and
 * configuring pipelines need {@code crm:manage}. Starting an import (a {@code text/csv}
 * body) is checked in {@code ImportTests}.
 */
@CrmWebSlice
class CrmPermissionMatrixTests {

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

	@TestFactory
	Stream<DynamicTest> everyEndpointForEveryCaller() {
		String company = owned("/api/crm/companies", Map.of("name", "Acme"));
		String contact = owned("/api/crm/contacts", Map.of("firstName", "Omar", "companyId", company));
		String deal = owned("/api/crm/deals", deal());
		String activity = owned("/api/crm/activities",
				Map.of("type", "note", "subject", "Called back", "contactId", contact));
		String dryRun = this.client.post()
			.uri("/api/crm/imports?entity=companies&mode=create&dryRun=true")
			.header(HttpHeaders.AUTHORIZATION, Callers.MANAGER)
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue("name,domain\nImported,imported.example\n")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
		Supplier<Object> stages = () -> Map.of("name", "P-" + UUID.randomUUID(), "stages",
				List.of(Map.of("key", "open", "name", "Open", "probability", 10)));
		return PermissionMatrix.of(this.client)
			.caller("anonymous", () -> null)
			.caller("member owning", () -> Callers.OWNER)
			.caller("member not owning", () -> Callers.OTHER)
			.caller("manager", () -> Callers.MANAGER)
			.caller("admin", () -> Callers.ADMIN)
			.row(HttpMethod.GET, "/api/crm/companies", null, 401, 200, 200, 200, 200)
			.row(HttpMethod.GET, "/api/crm/companies/" + company, null, 401, 200, 200, 200, 200)
			.row(HttpMethod.POST, "/api/crm/companies", () -> Map.of("name", "C-" + UUID.randomUUID()), 401, 201, 201,
					201, 201)
			.row(HttpMethod.PATCH, "/api/crm/companies/" + company, () -> Map.of("industry", "Retail"), 401, 200, 403,
					200, 200)
			.row(HttpMethod.DELETE, "/api/crm/companies/{new}",
					() -> "/api/crm/companies/" + owned("/api/crm/companies", Map.of("name", "Gone")), null, 401, 403,
					403, 204, 204)
			.row(HttpMethod.GET, "/api/crm/contacts", null, 401, 200, 200, 200, 200)
			.row(HttpMethod.GET, "/api/crm/contacts/" + contact, null, 401, 200, 200, 200, 200)
			.row(HttpMethod.POST, "/api/crm/contacts", () -> Map.of("firstName", "P-" + UUID.randomUUID()), 401, 201,
					201, 201, 201)
			.row(HttpMethod.PATCH, "/api/crm/contacts/" + contact, () -> Map.of("title", "CFO"), 401, 200, 403, 200,
					200)
			.row(HttpMethod.DELETE, "/api/crm/contacts/{new}",
					() -> "/api/crm/contacts/" + owned("/api/crm/contacts", Map.of("firstName", "Gone")), null, 401,
					403, 403, 204, 204)
			.row(HttpMethod.POST, "/api/crm/contacts/" + contact + "/merge",
					() -> Map.of("duplicateId", owned("/api/crm/contacts", Map.of("firstName", "Dup"))), 401, 403, 403,
					200, 200)
			.row(HttpMethod.GET, "/api/crm/pipelines", null, 401, 200, 200, 200, 200)
			.row(HttpMethod.GET, "/api/crm/pipelines/default", null, 401, 200, 200, 200, 200)
			.row(HttpMethod.GET, "/api/crm/pipelines/default/board", null, 401, 200, 200, 200, 200)
			.row(HttpMethod.POST, "/api/crm/pipelines", stages, 401, 403, 403, 201, 201)
			.row(HttpMethod.PATCH, "/api/crm/pipelines/default", () -> Map.of("name", "Sales"), 401, 403, 403, 200, 200)
			.row(HttpMethod.GET, "/api/crm/deals", null, 401, 200, 200, 200, 200)
			.row(HttpMethod.GET, "/api/crm/deals/" + deal, null, 401, 200, 200, 200, 200)
			.row(HttpMethod.POST, "/api/crm/deals", CrmPermissionMatrixTests::deal, 401, 201, 201, 201, 201)
			.row(HttpMethod.PATCH, "/api/crm/deals/" + deal, () -> Map.of("title", "Bigger"), 401, 200, 403, 200, 200)
			.row(HttpMethod.POST, "/api/crm/deals/" + deal + "/stage", () -> Map.of("stage", "qualified"), 401, 200,
					403, 200, 200)
			.row(HttpMethod.DELETE, "/api/crm/deals/{new}", () -> "/api/crm/deals/" + owned("/api/crm/deals", deal()),
					null, 401, 403, 403, 204, 204)
			.row(HttpMethod.GET, "/api/crm/activities?contactId=" + contact, null, 401, 200, 200, 200, 200)
			.row(HttpMethod.GET, "/api/crm/activities/" + activity, null, 401, 200, 200, 200, 200)
			.row(HttpMethod.POST, "/api/crm/activities",
					() -> Map.of("type", "call", "subject", "Follow-up", "contactId", contact), 401, 201, 201, 201, 201)
			.row(HttpMethod.PATCH, "/api/crm/activities/" + activity, () -> Map.of("body", "Went well"), 401, 200, 403,
					200, 200)
			.row(HttpMethod.DELETE, "/api/crm/activities/{new}",
					() -> "/api/crm/activities/" + owned("/api/crm/activities",
							Map.of("type", "note", "subject", "Gone", "contactId", contact)),
					null, 401, 403, 403, 204, 204)
			.row(HttpMethod.GET, "/api/crm/contacts/export", null, 401, 200, 200, 200, 200)
			.row(HttpMethod.GET, "/api/crm/companies/export", null, 401, 200, 200, 200, 200)
			.row(HttpMethod.GET, "/api/crm/imports/" + dryRun, null, 401, 403, 403, 200, 200)
			.row(HttpMethod.GET, "/api/crm/imports/" + dryRun + "/rows", null, 401, 403, 403, 200, 200)
			// a dry run is never reverted: 409 shows the permission let the call through
			.row(HttpMethod.POST, "/api/crm/imports/" + dryRun + "/revert", null, 401, 403, 403, 409, 409)
			.tests();
	}

	private static Object deal() {
		return Map.of("title", "D-" + UUID.randomUUID(), "amount", Map.of("value", "1200.50", "currency", "SAR"));
	}

	/** A record the owning member created, so owns. */
	private String owned(String path, Object body) {
		return JsonCalls.create(this.client, path, Callers.OWNER, body).get("id").asString();
	}

}
