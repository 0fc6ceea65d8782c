package hub.ameen.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import hub.ameen.e2e.Cast.Actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sales week through the gateway: a member's company, contacts and deals on a pipeline
 * of the manager's, a deal moved through the stages to won with the board's count and
 * totals per currency and each record's timeline; then the manager's CSV import of those
 * contacts, dry run, real run and revert, with its notifications on the live stream.
 */
final class CrmScenario {

	private static final Duration IMPORT_DEADLINE = Duration.ofSeconds(60);

	private final Cast cast;

	private final Api gateway;

	private final String uniq = UUID.randomUUID().toString().substring(0, 8);

	CrmScenario(Cast cast) {
		this.cast = cast;
		this.gateway = cast.gateway();
	}

	/**
	 * A company, two contacts at it and three deals; one deal moves lead, qualified,
	 * proposal, won: the board counts and sums each stage per currency, and every
	 * record's timeline shows each change, newest first.
	 */
	void aDealMovesThroughTheStagesToWonWithTheBoardsTotalsAndEachTimeline() {
		String pipeline = created(Actor.MANAGER, "/api/crm/pipelines",
				Map.of("name", "E2E " + this.uniq, "stages", List.of(stage("lead", 10), stage("qualified", 30),
						stage("proposal", 60), stage("won", 100), stage("lost", 0))));
		String company = created(Actor.OWNER, "/api/crm/companies",
				Map.of("name", "Gulf Freight " + this.uniq, "domain", "gulf-" + this.uniq + ".example.com"));
		String ada = created(Actor.OWNER, "/api/crm/contacts", Map.of("firstName", "Ada", "lastName", "Lovelace",
				"email", "ada-" + this.uniq + "@example.com", "companyId", company));
		String alan = created(Actor.OWNER, "/api/crm/contacts", Map.of("firstName", "Alan", "lastName", "Turing",
				"email", "alan-" + this.uniq + "@example.com", "companyId", company));
		String fleet = created(Actor.OWNER, "/api/crm/deals",
				Map.of("title", "Fleet " + this.uniq, "amount", money("1200.5", "SAR"), "pipelineId", pipeline,
						"companyId", company, "contactIds", List.of(ada, alan)));
		JsonNode deal = get(Actor.OWNER, "/api/crm/deals/" + fleet);
		assertThat(deal.path("stage").asString()).as("a new deal starts in the first stage").isEqualTo("lead");
		assertThat(deal.path("amount").path("value").asString()).as("money kept to the minor unit")
			.isEqualTo("1200.50");
		created(Actor.OWNER, "/api/crm/deals", Map.of("title", "Trucks " + this.uniq, "amount", money("300", "USD"),
				"pipelineId", pipeline, "stage", "proposal", "companyId", company));
		created(Actor.OWNER, "/api/crm/deals", Map.of("title", "Spares " + this.uniq, "amount", money("0.75", "SAR"),
				"pipelineId", pipeline, "stage", "proposal", "companyId", company));

		move(fleet, "qualified");
		move(fleet, "proposal");
		assertThat(board(pipeline)).as("the board with the fleet deal in proposal")
			.isEqualTo(columns("lead", 0, Map.of(), "qualified", 0, Map.of(), "proposal", 3,
					Map.of("SAR", "1201.25", "USD", "300.00"), "won", 0, Map.of(), "lost", 0, Map.of()));
		JsonNode won = move(fleet, "won");
		assertThat(won.path("closedAt").isNull()).as("won sets closedAt: " + won).isFalse();
		assertThat(board(pipeline)).as("the board once the fleet deal is won")
			.isEqualTo(columns("lead", 0, Map.of(), "qualified", 0, Map.of(), "proposal", 2,
					Map.of("SAR", "0.75", "USD", "300.00"), "won", 1, Map.of("SAR", "1200.50"), "lost", 0, Map.of()));

		assertThat(timeline("dealId", fleet)).as("the deal's timeline, newest first")
			.containsExactly("stage-changed: Stage changed from proposal to won",
					"stage-changed: Stage changed from qualified to proposal",
					"stage-changed: Stage changed from lead to qualified", "created: Deal created in lead");
		for (String contact : List.of(ada, alan)) {
			assertThat(timeline("contactId", contact)).as("contact " + contact + "'s timeline")
				.containsExactly("created: Contact created");
		}
		assertThat(timeline("companyId", company)).as("the company's timeline holds its own and its records' changes")
			.containsExactlyInAnyOrder("created: Company created", "created: Contact created",
					"created: Contact created", "created: Deal created in lead", "created: Deal created in proposal",
					"created: Deal created in proposal", "stage-changed: Stage changed from lead to qualified",
					"stage-changed: Stage changed from qualified to proposal",
					"stage-changed: Stage changed from proposal to won");
	}

	/**
	 * The manager imports 1,003 rows (one updating a member's contact, one bad, one
	 * unchanged, 1,000 new): the dry run reports each exactly and changes nothing, the
	 * real run matches it, the revert puts the updated contact back and removes the
	 * created ones, and the manager's stream carries the import's progress and end.
	 */
	void aCsvImportIsDryRunThenRunThenRevertedWithItsProgressOnTheStream() throws Exception {
		String tag = "imp" + this.uniq;
		String same = created(Actor.OWNER, "/api/crm/contacts",
				Map.of("firstName", "Same", "email", tag + "-same@example.com", "tags", List.of(tag)));
		String old = created(Actor.OWNER, "/api/crm/contacts", Map.of("firstName", "Old", "lastName", "Smith", "email",
				tag + "-old@example.com", "phone", "+966 11 111 1111", "tags", List.of(tag)));
		JsonNode oldBefore = get(Actor.OWNER, "/api/crm/contacts/" + old);
		StringBuilder csv = new StringBuilder("First Name,last_name,Email,tags,Shoe size\n").append("Renamed,,")
			.append(tag.toUpperCase())
			.append("-OLD@example.com,")
			.append(tag)
			.append(",44\n")
			.append("Bad,Email,not-an-email,")
			.append(tag)
			.append(",\n")
			.append("Same,,")
			.append(tag)
			.append("-same@example.com,")
			.append(tag)
			.append(",\n");
		for (int i = 0; i < 1_000; i++) {
			csv.append("New")
				.append(i)
				.append(",Person,")
				.append(tag)
				.append("-new")
				.append(i)
				.append("@example.com,")
				.append(tag)
				.append(",\n");
		}
		byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);

		JsonNode dry = finished(startImport(body, true));
		assertThat(counts(dry)).as("the dry run's counts: total, created, updated, unchanged, failed")
			.containsExactly(1_003L, 1_000L, 1L, 1L, 1L);
		assertThat(errors(dry)).as("the dry run's errors").containsExactly("2:email");
		List<String> dryRows = firstRows(dry);
		assertThat(dryRows.subList(0, 3)).as("the dry run's first rows")
			.containsExactly("updated " + old, "failed null", "unchanged " + same);
		assertThat(dryRows.get(3)).as("the dry run's first new row").startsWith("created ");
		assertThat(countTagged(tag)).as("contacts after the dry run").isEqualTo(2);
		assertThat(get(Actor.OWNER, "/api/crm/contacts/" + old)).as("the matched contact after the dry run")
			.isEqualTo(oldBefore);

		List<String> titles = new ArrayList<>();
		JsonNode real;
		try (SseClient stream = stream(Actor.MANAGER)) {
			real = finished(startImport(body, false));
			String link = "/crm/imports/" + real.path("id").asString();
			long deadline = System.nanoTime() + IMPORT_DEADLINE.toNanos();
			while (!titles.contains("The contacts import finished") && System.nanoTime() < deadline) {
				SseClient.Event event = stream.next(Duration.ofSeconds(5));
				if (event != null && link.equals(event.data().path("link").asString())) {
					titles.add(event.data().path("title").asString());
					if (titles.contains("The contacts import finished")) {
						assertThat(event.data().path("body").asString()).as("the completion's counts")
							.isEqualTo("1000 created, 1 updated, 1 unchanged, 1 failed");
					}
				}
			}
		}
		assertThat(titles).as("the import's notifications on the manager's stream, in order")
			.containsExactly("The contacts import is 49% done", "The contacts import is 99% done",
					"The contacts import finished");
		assertThat(counts(real)).as("the real run's counts").isEqualTo(counts(dry));
		assertThat(errors(real)).as("the real run's errors").isEqualTo(errors(dry));
		List<String> realRows = firstRows(real);
		assertThat(realRows.subList(0, 3)).as("the real run's first rows").isEqualTo(dryRows.subList(0, 3));
		assertThat(realRows.get(3)).as("the real run's first new row")
			.startsWith("created ")
			.isNotEqualTo("created null");
		assertThat(countTagged(tag)).as("contacts after the real run").isEqualTo(1_002);
		JsonNode updated = get(Actor.OWNER, "/api/crm/contacts/" + old);
		assertThat(List.of(updated.path("firstName").asString(), updated.path("lastName").asString()))
			.as("the updated contact: the non-empty cells replace, the empty ones leave")
			.containsExactly("Renamed", "Smith");

		Api.Response reverted = this.gateway.post("/api/crm/imports/" + real.path("id").asString() + "/revert",
				this.cast.token(Actor.MANAGER), null);
		assertThat(reverted.status()).as("revert: " + reverted).isEqualTo(200);
		assertThat(reverted.json().path("status").asString()).isEqualTo("reverted");
		assertThat(countTagged(tag)).as("contacts after the revert").isEqualTo(2);
		assertThat(get(Actor.OWNER, "/api/crm/contacts/" + old)).as("the updated contact after the revert")
			.isEqualTo(oldBefore);
		String firstCreated = realRows.get(3).substring("created ".length());
		assertThat(this.gateway.get("/api/crm/contacts/" + firstCreated, this.cast.token(Actor.OWNER)).status())
			.as("a created contact after the revert")
			.isEqualTo(404);
	}

	private String startImport(byte[] csv, boolean dryRun) {
		Api.Response started = this.gateway.send("POST",
				"/api/crm/imports?entity=contacts&mode=upsert&dryRun=" + dryRun, this.cast.token(Actor.MANAGER),
				"text/csv", csv);
		assertThat(started.status()).as("start an import: " + started).isEqualTo(202);
		return started.json().path("id").asString();
	}

	private JsonNode finished(String id) {
		JsonNode[] job = new JsonNode[1];
		await().atMost(IMPORT_DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
			job[0] = get(Actor.MANAGER, "/api/crm/imports/" + id);
			return !"running".equals(job[0].path("status").asString());
		});
		assertThat(job[0].path("status").asString()).as("import " + job[0]).isEqualTo("done");
		return job[0];
	}

	private static List<Long> counts(JsonNode job) {
		return List.of(job.path("total").asLong(), job.path("created").asLong(), job.path("updated").asLong(),
				job.path("unchanged").asLong(), job.path("failed").asLong());
	}

	private static List<String> errors(JsonNode job) {
		return job.path("errors")
			.valueStream()
			.map((error) -> error.path("row").asLong() + ":" + error.path("field").asString("-"))
			.toList();
	}

	/** The first four rows of an import's report, as outcome and record id. */
	private List<String> firstRows(JsonNode job) {
		return get(Actor.MANAGER, "/api/crm/imports/" + job.path("id").asString() + "/rows?limit=4").path("items")
			.valueStream()
			.map((row) -> row.path("outcome").asString() + " " + row.path("recordId").asString("null"))
			.toList();
	}

	/** The contacts with the tag, over every page. */
	private int countTagged(String tag) {
		int count = 0;
		String cursor = "";
		do {
			JsonNode page = get(Actor.MANAGER, "/api/crm/contacts?limit=200&tag=" + tag + "&cursor=" + cursor);
			count += page.path("items").size();
			cursor = page.path("nextCursor").asString("");
		}
		while (!cursor.isEmpty());
		return count;
	}

	/** A live stream of the actor's notifications, opened with a one-time ticket. */
	private SseClient stream(Actor actor) throws Exception {
		Api.Response ticket = this.gateway.post("/api/notifications/stream-ticket", this.cast.token(actor), null);
		assertThat(ticket.status()).as("stream ticket: " + ticket).isEqualTo(200);
		SseClient stream = new SseClient(this.gateway.port(),
				"/api/notifications/stream?ticket=" + ticket.json().path("ticket").asString(), null, null);
		assertThat(stream.status(Duration.ofSeconds(10))).as("the stream opens").isEqualTo(200);
		return stream;
	}

	private JsonNode move(String deal, String stage) {
		Api.Response moved = this.gateway.post("/api/crm/deals/" + deal + "/stage", this.cast.token(Actor.OWNER),
				Map.of("stage", stage));
		assertThat(moved.status()).as("move to " + stage + ": " + moved).isEqualTo(200);
		assertThat(moved.json().path("stage").asString()).isEqualTo(stage);
		return moved.json();
	}

	/** Each column of the board as {@code key count {currency=total}}. */
	private List<String> board(String pipeline) {
		return get(Actor.OTHER, "/api/crm/pipelines/" + pipeline + "/board").path("stages")
			.valueStream()
			.map((column) -> {
				Map<String, String> totals = new java.util.TreeMap<>();
				column.path("total")
					.properties()
					.forEach((entry) -> totals.put(entry.getKey(), entry.getValue().asString()));
				return column.path("key").asString() + " " + column.path("count").asInt() + " " + totals;
			})
			.toList();
	}

	private static List<String> columns(Object... keyCountTotal) {
		List<String> columns = new ArrayList<>();
		for (int i = 0; i < keyCountTotal.length; i += 3) {
			columns.add(keyCountTotal[i] + " " + keyCountTotal[i + 1] + " "
					+ new java.util.TreeMap<>((Map<?, ?>) keyCountTotal[i + 2]));
		}
		return columns;
	}

	/** A record's timeline, newest first, as {@code event: subject} of each entry. */
	private List<String> timeline(String link, String id) {
		return get(Actor.OTHER, "/api/crm/activities?limit=200&" + link + "=" + id).path("items")
			.valueStream()
			.map((entry) -> entry.path("event").asString("") + ": " + entry.path("subject").asString())
			.toList();
	}

	private JsonNode get(Actor actor, String path) {
		Api.Response response = this.gateway.get(path, this.cast.token(actor));
		assertThat(response.status()).as("GET " + path + ": " + response).isEqualTo(200);
		return response.json();
	}

	private String created(Actor actor, String path, Map<String, Object> body) {
		Api.Response response = this.gateway.post(path, this.cast.token(actor), body);
		assertThat(response.status()).as("POST " + path + " as " + actor + ": " + response).isEqualTo(201);
		return response.json().path("id").asString();
	}

	private static Map<String, Object> stage(String key, int probability) {
		Map<String, Object> stage = new LinkedHashMap<>();
		stage.put("key", key);
		stage.put("name", Character.toUpperCase(key.charAt(0)) + key.substring(1));
		stage.put("probability", probability);
		return stage;
	}

	private static Map<String, String> money(String value, String currency) {
		return Map.of("value", value, "currency", currency);
	}

}
