package hub.ameen.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import hub.ameen.e2e.Cast.Actor;

/**
 * No single request may take a service down: page sizes, list sizes in bodies, recurrence
 * expansion, streams per user and CSV imports are bounded, each answered within two
 * seconds by a 400 (or 429) or a capped result. Returns what failed.
 */
final class LimitsScenario {

	private static final Duration SLOWEST = Duration.ofSeconds(2);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final int STREAMS = 40;

	private final Cast cast;

	private final Api gateway;

	private final List<String> failures = new ArrayList<>();

	private int checks;

	LimitsScenario(Cast cast) {
		this.cast = cast;
		this.gateway = cast.gateway();
	}

	int checks() {
		return this.checks;
	}

	List<String> everyRequestIsBounded() {
		signInsAreLimitedPerClientAddress();
		pagesAreCapped();
		listsInBodiesAreCapped();
		recurrenceExpansionIsBounded();
		streamsPerUserAreBounded();
		importsAreBounded();
		costlyRulesAreRefused();
		return this.failures;
	}

	private void pagesAreCapped() {
		for (String list : List.of("/api/tasks", "/api/crm/contacts", "/api/users", "/api/scheduler/events",
				"/api/notifications")) {
			for (String limit : List.of("100000", "2147483647", "-1", "0")) {
				check(Actor.ADMIN, "GET", list + "?limit=" + limit, null, LimitsScenario::refusedOrAtMost200);
			}
		}
	}

	private void listsInBodiesAreCapped() {
		List<String> many = IntStream.range(0, 10_000).mapToObj((i) -> "v" + i).toList();
		check(Actor.OWNER, "POST", "/api/tasks", Map.of("title", "Many labels", "labels", many), LimitsScenario::is400);
		check(Actor.MANAGER, "POST", "/api/crm/contacts", Map.of("firstName", "Many", "tags", many),
				LimitsScenario::is400);
		Instant start = Instant.now().plus(Duration.ofDays(2));
		Map<String, Object> event = Map.of("title", "Big", "startsAt", start.toString(), "endsAt",
				start.plusSeconds(3600).toString(), "timeZone", "UTC");
		check(Actor.OWNER, "POST", "/api/scheduler/events", with(event, "attendeeIds", many), LimitsScenario::is400);
		check(Actor.OWNER, "POST", "/api/scheduler/events",
				with(event, "reminders",
						IntStream.range(0, 1_000).mapToObj((minutes) -> Map.of("minutesBefore", minutes)).toList()),
				LimitsScenario::is400);
		check(Actor.OWNER, "POST", "/api/scheduler/events",
				with(with(event, "recurrence", "FREQ=DAILY"), "exdates",
						IntStream.range(0, 5_000).mapToObj((i) -> start.plus(Duration.ofDays(i)).toString()).toList()),
				LimitsScenario::is400);
		check(Actor.OWNER, "PUT", "/api/notifications/preferences", Map.of("muted", many), LimitsScenario::is400);
		check(Actor.ADMIN, "POST", "/api/users/roles", Map.of("name", "many", "permissions", many),
				LimitsScenario::is400);
	}

	/**
	 * A burst of wrong sign-ins from one client address is answered 429, while a member's
	 * correct sign-in from another address is still served: the limit keys on the
	 * client's address as the gateway forwards it, not on the gateway's own.
	 */
	private void signInsAreLimitedPerClientAddress() {
		Api attacker = this.gateway.from("198.51.100.99");
		Api.Response last = null;
		for (int i = 0; i < 30 && (last == null || last.status() != 429); i++) {
			last = attacker.post("/api/auth/login", null,
					Map.of("email", "guess-" + i + "@limits.test", "password", "not-the-password-" + i));
		}
		this.checks++;
		if (last.status() != 429) {
			this.failures.add("30 wrong sign-ins from one address were never limited: " + last);
		}
		this.checks++;
		Api.Response member = this.gateway.post("/api/auth/login", null,
				Map.of("email", this.cast.email(Actor.OWNER), "password", Cast.PASSWORD));
		if (member.status() != 200) {
			this.failures.add("a member's sign-in from another address while one address is limited: " + member);
		}
	}

	/**
	 * The widest window over the densest series: refused, or at most 5,000 occurrences in
	 * time.
	 */
	private void recurrenceExpansionIsBounded() {
		Instant start = Instant.parse("2027-01-04T09:00:00Z");
		check(Actor.OWNER, "POST", "/api/scheduler/events",
				Map.of("title", "Every minute", "startsAt", start.toString(), "endsAt",
						start.plusSeconds(30).toString(), "timeZone", "UTC", "recurrence", "FREQ=MINUTELY"),
				(response) -> response.status() == 201 || response.status() == 400);
		check(Actor.OWNER, "GET",
				"/api/scheduler/occurrences?from=" + start + "&to=" + start.plus(Duration.ofDays(366)), null,
				(response) -> response.status() == 400 || (response.ok() && items(response) <= 5_000));
		check(Actor.OWNER, "GET", "/api/scheduler/occurrences?from=2027-01-01T00:00:00Z&to=2127-01-01T00:00:00Z", null,
				LimitsScenario::is400);
	}

	/** One user may not hold an unbounded number of streams open. */
	private void streamsPerUserAreBounded() {
		List<SseClient> streams = new ArrayList<>();
		try {
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < STREAMS; i++) {
				SseClient stream = new SseClient(this.cast.gateway().port(), "/api/notifications/stream",
						this.cast.token(Actor.OTHER), null);
				streams.add(stream);
				statuses.add(status(stream));
			}
			this.checks++;
			Map<Integer, Long> counted = statuses.stream()
				.collect(Collectors.groupingBy((status) -> status, Collectors.counting()));
			System.out.println("limits: " + STREAMS + " streams opened by one member: " + counted);
			if (!statuses.contains(429)) {
				this.failures.add("OTHER opened " + STREAMS + " streams at once, none refused with 429: " + counted);
			}
		}
		finally {
			streams.forEach(SseClient::close);
		}
	}

	/**
	 * A CSV import over the body limit (21 MB, {@code hub.web.max-body-size}) is refused
	 * with a 413 problem, whether its length is announced or it streams without one.
	 */
	private void importsAreBounded() {
		StringBuilder csv = new StringBuilder(23 * 1024 * 1024).append("firstName,email\n");
		for (int i = 0; csv.length() < 22 * 1024 * 1024; i++) {
			csv.append("Bulk").append(i).append(",bulk-").append(i).append("@limits.example.com\n");
		}
		byte[] body = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
		String path = "/api/crm/imports?entity=contacts&mode=create&dryRun=true";
		String manager = this.cast.token(Actor.MANAGER);
		record("a 22 MB import, announced", this.gateway.send("POST", path, manager, "text/csv", body));
		record("a 22 MB import, chunked", this.gateway.sendChunked(path, manager, "text/csv", body));
	}

	private void record(String what, Api.Response response) {
		this.checks++;
		if (response.status() != 413 || !response.contentType().startsWith("application/problem+json")) {
			this.failures.add(what + " -> " + response + " (" + response.contentType() + ")");
		}
	}

	/**
	 * Rules that expand without end or at great cost are refused, or answered in time.
	 * Last, since while these holes are open they can exhaust the scheduler.
	 */
	private void costlyRulesAreRefused() {
		String everything = "FREQ=YEARLY;BYMONTH=" + range(1, 12) + ";BYMONTHDAY=" + range(1, 31) + ";BYHOUR="
				+ range(0, 23) + ";BYMINUTE=" + range(0, 59) + ";BYSECOND=" + range(0, 59) + ";BYSETPOS=-1";
		Instant start = Instant.parse("2027-02-01T00:00:00Z");
		Map<String, Object> event = Map.of("title", "Costly", "startsAt", start.toString(), "endsAt",
				start.plusSeconds(1).toString(), "timeZone", "UTC");
		check(Actor.OWNER, "POST", "/api/scheduler/events", with(event, "recurrence", "FREQ=SECONDLY;COUNT=2000000000"),
				(response) -> response.status() == 400 || response.status() == 201);
		check(Actor.OTHER, "GET", "/api/scheduler/occurrences?from=2199-06-01T00:00:00Z&to=2199-06-02T00:00:00Z", null,
				(response) -> response.ok() || response.status() == 400);
		check(Actor.OWNER, "POST", "/api/scheduler/events", with(event, "recurrence", everything),
				LimitsScenario::is400);
	}

	private void check(Actor actor, String method, String path, Object body, Predicate<Api.Response> expected) {
		this.checks++;
		Api.Response response = this.gateway.call(new Api.Call(method, path, this.cast.token(actor),
				(body != null) ? "application/json" : null, (body != null) ? Api.json.writeValueAsBytes(body) : null),
				TIMEOUT);
		if (!expected.test(response) || response.millis() > SLOWEST.toMillis()) {
			String sent = (body != null) ? Api.abbreviate(Api.json.writeValueAsString(body)) : "";
			this.failures.add(actor + " " + method + " " + Api.abbreviate(path) + " " + sent + "\n      -> " + response
					+ " (" + response.millis() + " ms)");
		}
	}

	private static boolean is400(Api.Response response) {
		return response.status() == 400;
	}

	private static boolean refusedOrAtMost200(Api.Response response) {
		return response.status() == 400 || (response.ok() && items(response) <= 200);
	}

	private static int items(Api.Response response) {
		return response.json().path("items").size();
	}

	private static int status(SseClient stream) {
		try {
			return stream.status(Duration.ofSeconds(5));
		}
		catch (Exception ex) {
			return -1;
		}
	}

	private static Map<String, Object> with(Map<String, Object> body, String name, Object value) {
		Map<String, Object> changed = new java.util.LinkedHashMap<>(body);
		changed.put(name, value);
		return changed;
	}

	private static String range(int from, int to) {
		return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).collect(Collectors.joining(","));
	}

}
