package hub.ameen.crm.importing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import hub.ameen.crm.Callers;
import hub.ameen.crm.CrmWebSlice;
import hub.ameen.platform.test.web.JsonCalls;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CSV imports and exports without a broker: a dry run's exact report that changes
 * nothing, a real run that matches it, a revert that restores what was updated and
 * removes what was created, files that are not CSV, and an export the import reads back
 * unchanged.
 */
@CrmWebSlice
class ImportTests {

	@TempDir
	static Path dir;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("hub.store.path", () -> dir.resolve("crm-service").toString());
	}

	@Autowired
	WebTestClient client;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void allowForASharedMachine() {
		this.client = this.client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@Test
	void aDryRunReportsEachRowExactlyAndChangesNothingThenTheRunMatchesItAndTheRevertUndoesIt() {
		String tag = "imp" + UUID.randomUUID().toString().substring(0, 6);
		String kept = contact(Map.of("firstName", "Same", "email", tag + "-same@example.com", "tags", List.of(tag)));
		String changed = contact(Map.of("firstName", "Old", "email", tag + "-old@example.com", "tags", List.of(tag)));
		String csv = "First Name,last_name,Email,tags,Shoe size\n" //
				+ "New,Person," + tag + "-new@example.com," + tag + ",44\n" // created
				+ "Bad,Email,not-an-email," + tag + ",\n" // failed: email
				+ "Renamed,," + tag.toUpperCase() + "-OLD@example.com,,\n" // updated
																			// (email any
																			// case)
				+ "Same,," + tag + "-same@example.com," + tag + ",\n" // unchanged
				+ "Ragged,row\n"; // failed: cells
		JsonNode dry = finished(start("contacts", "upsert", true, csv));
		assertThat(counts(dry)).containsExactly(5L, 1L, 1L, 1L, 2L);
		assertThat(dry.get("errors")
			.valueStream()
			.map((e) -> e.get("row").asLong() + ":" + (e.get("field").isNull() ? "-" : e.get("field").asString())))
			.containsExactly("2:email", "5:-");
		assertThat(outcomes(dry)).containsExactly("created", "failed", "updated", "unchanged", "failed");
		assertThat(names(tag)).containsExactlyInAnyOrder("Same", "Old");

		double created = importedRows("created", false);
		double failed = importedRows("failed", false);
		JsonNode real = finished(start("contacts", "upsert", false, csv));
		assertThat(counts(real)).isEqualTo(counts(dry));
		assertThat(importedRows("created", false) - created).isEqualTo(1);
		assertThat(importedRows("failed", false) - failed).isEqualTo(2);
		assertThat(outcomes(real)).isEqualTo(outcomes(dry));
		assertThat(names(tag)).containsExactlyInAnyOrder("Same", "Renamed", "New");
		assertThat(get("/api/crm/contacts/" + changed).get("lastName").isNull()).isTrue();
		assertThat(JsonCalls.count(this.client, "/api/crm/activities?contactId=" + changed, Callers.OWNER))
			.isEqualTo(2);

		JsonNode reverted = this.client.post()
			.uri("/api/crm/imports/" + real.get("id").asString() + "/revert")
			.header(HttpHeaders.AUTHORIZATION, Callers.MANAGER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(reverted.get("status").asString()).isEqualTo("reverted");
		assertThat(names(tag)).containsExactlyInAnyOrder("Same", "Old");
		assertThat(get("/api/crm/contacts/" + changed).get("email").asString()).isEqualTo(tag + "-old@example.com");
		assertThat(get("/api/crm/contacts/" + kept).get("firstName").asString()).isEqualTo("Same");
	}

	/** {@code hub_crm_import_rows_total} of one outcome so far. */
	private double importedRows(String outcome, boolean dryRun) {
		Counter counter = this.meters.find("hub.crm.import.rows")
			.tag("outcome", outcome)
			.tag("dry_run", Boolean.toString(dryRun))
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void onlyAHolderOfCrmManageStartsAnImport() {
		for (String caller : new String[] { null, Callers.OWNER, Callers.OTHER }) {
			this.client.post().uri("/api/crm/imports?entity=contacts&mode=create").headers((headers) -> {
				if (caller != null) {
					headers.set(HttpHeaders.AUTHORIZATION, caller);
				}
			})
				.contentType(MediaType.parseMediaType("text/csv"))
				.bodyValue("firstName\nNobody\n")
				.exchange()
				.expectStatus()
				.isEqualTo((caller == null) ? 401 : 403);
		}
	}

	@Test
	void createModeRefusesRowsThatMatchAndUpdateModeRowsThatDoNot() {
		String tag = "mod" + UUID.randomUUID().toString().substring(0, 6);
		contact(Map.of("firstName", "There", "email", tag + "@example.com"));
		JsonNode create = finished(start("contacts", "create", false, "firstName,email\nThere again," + tag
				+ "@example.com\nFresh," + tag + "-2@example.com\nTwice," + tag + "-2@example.com\n"));
		assertThat(counts(create)).containsExactly(3L, 1L, 0L, 0L, 2L);
		JsonNode update = finished(
				start("contacts", "update", false, "firstName,email\nNobody," + tag + "-3@example.com\n"));
		assertThat(counts(update)).containsExactly(1L, 0L, 0L, 0L, 1L);
	}

	@Test
	void aFileThatIsNotWellFormedCsvOrUtf8FailsTheImportAndImportsNothing() {
		String tag = "bad" + UUID.randomUUID().toString().substring(0, 6);
		JsonNode unclosed = finished(start("contacts", "create", false,
				"firstName,tags\nGood," + tag + "\n\"Never closed," + tag + "\nAfter," + tag + "\n"));
		assertThat(unclosed.get("status").asString()).isEqualTo("failed");
		assertThat(unclosed.get("errors").get(0).get("message").asString()).contains("nothing was imported");
		byte[] latin1 = ("firstName,tags\nJos\u00e9," + tag + "\n").getBytes(StandardCharsets.ISO_8859_1);
		this.client.post()
			.uri("/api/crm/imports?entity=contacts&mode=create")
			.header(HttpHeaders.AUTHORIZATION, Callers.MANAGER)
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(latin1)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("the file is not UTF-8 text");
		assertThat(names(tag)).isEmpty();
		for (String body : List.of("", "lastName,email\nX,x@example.com\n", "firstName,firstName\nA,B\n")) {
			this.client.post()
				.uri("/api/crm/imports?entity=contacts&mode=create")
				.header(HttpHeaders.AUTHORIZATION, Callers.MANAGER)
				.contentType(MediaType.parseMediaType("text/csv"))
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType("application/problem+json");
		}
	}

	@Test
	void anImportOverTheBodyLimitIs413WhileStreamingAndImportsNothing() {
		String tag = "big" + UUID.randomUUID().toString().substring(0, 6);
		String rows = ("Bulk," + tag + "\n").repeat(1024 * 1024 / (tag.length() + 6));
		// no Content-Length: only the limit counted while the body streams can stop it
		Flux<String> body = Flux.concat(Flux.just("firstName,tags\n"), Flux.range(0, 22).map((i) -> rows));
		this.client.post()
			.uri("/api/crm/imports?entity=contacts&mode=create")
			.header(HttpHeaders.AUTHORIZATION, Callers.MANAGER)
			.contentType(MediaType.parseMediaType("text/csv"))
			.body(body, String.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The request body is larger than 21 MB");
		assertThat(names(tag)).isEmpty();
	}

	@Test
	void anExportNeutralisesFormulasAndTheImportReadsItBackUnchanged() {
		String tag = "exp" + UUID.randomUUID().toString().substring(0, 6);
		contact(Map.of("firstName", "=cmd|' /C calc'!A0", "lastName", "Doe, \"Jr\"", "email", tag + "@example.com",
				"phone", "+966 50", "tags", List.of(tag, "a b")));
		contact(Map.of("firstName", "Plain", "tags", List.of(tag)));
		String csv = this.client.get()
			.uri("/api/crm/contacts/export?tag=" + tag)
			.header(HttpHeaders.AUTHORIZATION, Callers.OTHER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(csv).startsWith("firstName,lastName,email,phone,title,companyId,tags,ownerId\r\n");
		assertThat(csv).contains("'=cmd|").contains("'+966 50").doesNotContain(",=cmd").doesNotContain(",+966");
		JsonNode back = finished(start("contacts", "upsert", true, csv));
		// the contact with an email is matched and unchanged; the one without is created
		// anew
		assertThat(counts(back)).containsExactly(2L, 1L, 0L, 1L, 0L);
	}

	private List<Long> counts(JsonNode job) {
		return List.of(job.get("total").asLong(), job.get("created").asLong(), job.get("updated").asLong(),
				job.get("unchanged").asLong(), job.get("failed").asLong());
	}

	private List<String> outcomes(JsonNode job) {
		return get("/api/crm/imports/" + job.get("id").asString() + "/rows").get("items")
			.valueStream()
			.map((row) -> row.get("outcome").asString())
			.toList();
	}

	private List<String> names(String tag) {
		return get("/api/crm/contacts?limit=200&tag=" + tag).get("items")
			.valueStream()
			.map((item) -> item.get("firstName").asString())
			.toList();
	}

	private JsonNode start(String entity, String mode, boolean dryRun, String csv) {
		return this.client.post()
			.uri("/api/crm/imports?entity=" + entity + "&mode=" + mode + "&dryRun=" + dryRun)
			.header(HttpHeaders.AUTHORIZATION, Callers.MANAGER)
			.contentType(MediaType.parseMediaType("text/csv"))
			.bodyValue(csv)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private JsonNode finished(JsonNode started) {
		String path = "/api/crm/imports/" + started.get("id").asString();
		return await().atMost(Duration.ofSeconds(60))
			.until(() -> get(path), (job) -> !job.get("status").asString().equals("running"));
	}

	private JsonNode get(String path) {
		return this.client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, Callers.MANAGER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private String contact(Map<String, Object> body) {
		return JsonCalls.create(this.client, "/api/crm/contacts", Callers.OWNER, body).get("id").asString();
	}

}
