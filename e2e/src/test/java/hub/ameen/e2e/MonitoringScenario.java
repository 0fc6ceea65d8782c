package hub.ameen.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import hub.ameen.platform.test.ListenPorts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Debian's Prometheus, started by {@code ./hub prometheus} against the running suite:
 * every service is scraped, every Grafana panel's and every rule's expression evaluates
 * without error and names only metrics the suite exports (apart from a few listed with
 * their reason), and the sign-in SLO reads 0 errors after sign-ins that succeed or are
 * refused.
 */
final class MonitoringScenario {

	/**
	 * Metric names that the expressions use but a healthy local suite does not export.
	 */
	static final Map<String, String> NOT_EXPORTED_HERE = Map.of("hub_events_dead_lettered_total",
			"counted per source topic from its first dead letter, and a healthy run has none (DeadLetterTests)",
			"probe_success", "from the blackbox exporter, which only the Compose deployment runs",
			"probe_ssl_earliest_cert_expiry", "from the blackbox exporter, which only the Compose deployment runs",
			"ALERTS", "Prometheus's own series, present only while an alert is pending or firing");

	private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "rate", "increase", "by",
			"without", "on", "ignoring", "and", "or", "unless", "vector", "histogram_quantile", "time", "offset",
			"group_left", "group_right", "bool", "e", "inf", "nan");

	private static final Duration DEADLINE = Duration.ofSeconds(90);

	private final Hub hub;

	private final Api gateway;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private int port;

	MonitoringScenario(Hub hub, Api gateway) {
		this.hub = hub;
		this.gateway = gateway;
	}

	void prometheusScrapesTheSuiteAndEveryDashboardAndRuleExpressionEvaluates(String adminPassword) throws Exception {
		Tools.require("prometheus");
		this.port = ListenPorts.next(0);
		this.hub.set("HUB_PORT_PROMETHEUS", String.valueOf(this.port));
		Hub.Result up = this.hub.run(Duration.ofSeconds(90), "prometheus");
		assertThat(up.exitCode()).as(up.output()).isZero();
		try {
			awaitEveryServiceScraped();
			signInOnceAndOnceWrongly(adminPassword);
			assertEveryExpressionEvaluates();
			assertSigninSloReadsNoErrors();
		}
		finally {
			Hub.Result down = this.hub.run(Duration.ofSeconds(60), "prometheus", "down");
			assertThat(down.exitCode()).as(down.output()).isZero();
		}
		assertThat(Hub.isFree(this.port)).as("Prometheus's port after ./hub prometheus down").isTrue();
	}

	private void awaitEveryServiceScraped() {
		await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Map<String, String> health = targetHealth();
			assertThat(health).as("every service's target is up").containsKeys(Hub.SERVICES.toArray(String[]::new));
			assertThat(health.values()).as("every target's health: " + health).allMatch("up"::equals);
		});
	}

	private Map<String, String> targetHealth() throws Exception {
		Map<String, String> health = new LinkedHashMap<>();
		for (JsonNode target : api("/api/v1/targets").path("data").path("activeTargets")) {
			health.put(target.path("labels").path("service").asString(), target.path("health").asString());
		}
		return health;
	}

	private void signInOnceAndOnceWrongly(String adminPassword) {
		IdentityScenario identity = new IdentityScenario(this.gateway);
		Api.Response login = identity.login("admin@hub.local", adminPassword);
		assertThat(login.status()).isEqualTo(200);
		// one call through each route, so that each route's request and breaker
		// series exist
		String token = login.json().get("accessToken").asString();
		for (String path : List.of("/api/users/me", "/api/crm/contacts?limit=1", "/api/tasks?limit=1",
				"/api/scheduler/events?limit=1", "/api/notifications/unread-count", "/api/auth/jwks")) {
			assertThat(this.gateway.get(path, token).status()).as(path).isEqualTo(200);
		}
		// one wrong attempt, sent once (login() retries until 200) and for an email
		// of its own, so that no real account comes near its lockout
		Api.Response wrong = this.gateway.post("/api/auth/login", null,
				Map.of("email", "nobody@monitoring.test", "password", "not-the-password"));
		assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
	}

	/**
	 * Once the calls above are scraped (and the rules evaluated), within the deadline.
	 */
	private void assertEveryExpressionEvaluates() {
		await().atMost(DEADLINE).pollInterval(Duration.ofSeconds(2)).untilAsserted(this::everyExpressionEvaluates);
	}

	private void everyExpressionEvaluates() throws Exception {
		Set<String> exported = new LinkedHashSet<>();
		api("/api/v1/label/__name__/values").path("data").forEach((name) -> exported.add(name.asString()));
		Set<String> known = new LinkedHashSet<>(exported);
		// a recording rule's series appears at its first evaluation; its own
		// expression is checked below like any other
		known.addAll(recordedNames());
		List<String> failures = new ArrayList<>();
		Map<String, String> expressions = expressions();
		for (Map.Entry<String, String> entry : expressions.entrySet()) {
			String expr = entry.getValue().replace("$__rate_interval", "1m");
			JsonNode result = query(expr);
			if (!"success".equals(result.path("status").asString())) {
				failures.add(entry.getKey() + ": " + result.path("error").asString());
			}
			for (String metric : metricNames(expr)) {
				if (!known.contains(metric) && !NOT_EXPORTED_HERE.containsKey(metric)) {
					failures.add(entry.getKey() + ": no series named " + metric);
				}
			}
			for (Map.Entry<List<String>, Set<String>> grouping : groupings(expr)) {
				List<String> grouped = grouping.getValue().stream().filter(exported::contains).sorted().toList();
				if (grouped.isEmpty()) {
					continue;
				}
				for (String label : grouping.getKey()) {
					String selector = "{__name__=~\"" + String.join("|", grouped) + "\"," + label + "!=\"\"}";
					if (query("count(" + selector + ")").path("data").path("result").isEmpty()) {
						failures.add(entry.getKey() + ": no series of " + grouped + " has the label " + label);
					}
				}
			}
		}
		System.out.println("e2e: " + expressions.size() + " dashboard and rule expressions evaluated by Prometheus");
		assertThat(expressions).hasSizeGreaterThan(60);
		assertThat(failures).as("expressions that fail or name unknown metrics").isEmpty();
	}

	private void assertSigninSloReadsNoErrors() throws Exception {
		JsonNode sample = awaitSample("slo:signin_errors:ratio_rate5m", (value) -> !value.equals("NaN"));
		assertThat(sample.path("value").path(1).asString()).as("a 200 and a 401 through the gateway: no sign-in error")
			.isEqualTo("0");
	}

	private JsonNode awaitSample(String expr, Predicate<String> accepted) throws Exception {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		JsonNode result = null;
		while (System.nanoTime() < deadline) {
			result = query(expr).path("data").path("result");
			if (result.size() == 1 && accepted.test(result.path(0).path("value").path(1).asString())) {
				return result.path(0);
			}
			Thread.sleep(1000);
		}
		throw new AssertionError(expr + " has no accepted sample within " + DEADLINE + ": " + result);
	}

	/** Every dashboard target's and every rule's expression, by where it comes from. */
	static Map<String, String> expressions() throws IOException {
		Map<String, String> expressions = new LinkedHashMap<>();
		JsonMapper json = JsonMapper.builder().build();
		for (Path file : GrafanaDashboardsTests.dashboards()) {
			for (JsonNode panel : json.readTree(file.toFile()).path("panels")) {
				for (JsonNode target : panel.path("targets")) {
					expressions.put(file.getFileName() + " / " + panel.path("title").asString() + " / "
							+ target.path("refId").asString(), target.path("expr").asString());
				}
			}
		}
		try (Stream<Path> files = Files.list(PrometheusRulesTests.prometheus.resolve("rules"))) {
			for (Path file : files.sorted().toList()) {
				for (Map<String, Object> rule : PrometheusRulesTests.rules(file)) {
					Object name = rule.containsKey("alert") ? rule.get("alert") : rule.get("record");
					expressions.put(file.getFileName() + " / " + name, (String) rule.get("expr"));
				}
			}
		}
		return expressions;
	}

	/** The names the recording rules write. */
	static Set<String> recordedNames() throws IOException {
		Set<String> names = new LinkedHashSet<>();
		try (Stream<Path> files = Files.list(PrometheusRulesTests.prometheus.resolve("rules"))) {
			for (Path file : files.sorted().toList()) {
				PrometheusRulesTests.rules(file)
					.stream()
					.filter((rule) -> rule.containsKey("record"))
					.forEach((rule) -> names.add((String) rule.get("record")));
			}
		}
		return names;
	}

	/**
	 * Each {@code by (labels)} in a PromQL expression, with the metric names of the
	 * expression it groups. A label that none of them carries is not an error to
	 * Prometheus: it groups every series into one with that label empty, and a panel
	 * shows one line where it meant several (as the Events dashboard's listener outcomes
	 * did, by a tag the listener observations do not have).
	 */
	static List<Map.Entry<List<String>, Set<String>>> groupings(String expr) {
		// a quoted value may hold parentheses: blanked, they do not upset the counting
		String bare = expr.replaceAll("\"[^\"]*\"", "\"\"");
		List<Map.Entry<List<String>, Set<String>>> groupings = new ArrayList<>();
		Matcher by = Pattern.compile("\\bby\\s*\\(([^)]*)\\)\\s*\\(").matcher(bare);
		while (by.find()) {
			int open = by.end() - 1;
			int close = bare.length() - 1;
			for (int i = open, depth = 0; i < bare.length(); i++) {
				depth += (bare.charAt(i) == '(') ? 1 : (bare.charAt(i) == ')') ? -1 : 0;
				if (depth == 0) {
					close = i;
					break;
				}
			}
			List<String> labels = Stream.of(by.group(1).split(","))
				.map(String::strip)
				.filter((label) -> !label.isEmpty())
				.toList();
			groupings.add(Map.entry(labels, metricNames(bare.substring(open, close + 1))));
		}
		return groupings;
	}

	/**
	 * The metric names in a PromQL expression: identifiers that are not functions, words
	 * or labels.
	 */
	static Set<String> metricNames(String expr) {
		String bare = expr.replaceAll("\"[^\"]*\"", "\"\"")
			.replaceAll("\\{[^}]*\\}", "")
			.replaceAll("\\[[^\\]]*\\]", "")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?!\\w)(\\s*\\()?").matcher(bare);
		while (matcher.find()) {
			String word = matcher.group(1);
			if (matcher.group(2) == null && !PROMQL_WORDS.contains(word.toLowerCase())) {
				names.add(word);
			}
		}
		return names;
	}

	private JsonNode query(String expr) throws Exception {
		return api("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
	}

	private JsonNode api(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		return this.json.readTree(response.body());
	}

}
