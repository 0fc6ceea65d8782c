package hub.ameen.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/grafana/}: every dashboard parses, has a unique uid, and every panel has
 * a title, a unit and PromQL that promtool parses; latency is shown as percentiles, never
 * as an average. (SuiteIT evaluates the same expressions on a real Prometheus scraping
 * the suite.)
 */
class GrafanaDashboardsTests {

	static final Path grafana = Tools.root.resolve("deploy/grafana");

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path temp;

	@Test
	void theFiveDashboardsAreProvisionedWithUniqueIdsAndTitledPanelsWithUnits() throws IOException {
		Set<String> uids = new HashSet<>();
		for (Path file : dashboards()) {
			JsonNode dashboard = this.json.readTree(file.toFile());
			assertThat(uids.add(dashboard.path("uid").asString())).as(file + " uid unique").isTrue();
			assertThat(dashboard.path("panels").size()).as(file + " panels").isGreaterThanOrEqualTo(5);
			for (JsonNode panel : dashboard.path("panels")) {
				String name = file.getFileName() + " / " + panel.path("title").asString();
				assertThat(panel.path("title").asString()).as(name).isNotBlank();
				assertThat(panel.path("fieldConfig").path("defaults").path("unit").asString()).as(name + " unit")
					.isNotBlank();
				assertThat(panel.path("targets").size()).as(name + " targets").isPositive();
				panel.path("targets")
					.forEach((target) -> assertThat(target.path("datasource").path("uid").asString())
						.as(name + " data source")
						.isEqualTo("prometheus"));
			}
		}
		assertThat(uids).containsExactlyInAnyOrder("hub-overview", "hub-events", "hub-reminders", "hub-store",
				"hub-jvm");
		String provisioned = Files.readString(grafana.resolve("provisioning/datasources/hub.yml"));
		assertThat(provisioned).contains("uid: prometheus").contains("url: http://prometheus:9090");
		// logs and traces link both ways: Loki's trace-id field opens Tempo, Tempo's
		// spans open Loki
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> sources = (List<Map<String, Object>>) ((Map<String, Object>) Tools
			.yamlDocuments(provisioned)
			.get(0)).get("datasources");
		Map<String, Map<String, Object>> byUid = new java.util.HashMap<>();
		sources.forEach((source) -> byUid.put((String) source.get("uid"), source));
		assertThat(byUid).containsKeys("prometheus", "loki", "tempo");
		assertThat(String.valueOf(byUid.get("loki").get("jsonData"))).contains("datasourceUid=tempo")
			.contains("traceId");
		assertThat(String.valueOf(byUid.get("tempo").get("jsonData"))).contains("datasourceUid=loki");
		assertThat(Files.readString(grafana.resolve("provisioning/dashboards/hub.yml")))
			.contains("path: /var/lib/grafana/dashboards");
	}

	@Test
	void everyPanelExpressionParsesAsPromqlAndLatencyIsNeverAnAverage() throws IOException {
		Tools.require("promtool");
		Map<String, String> expressions = MonitoringScenario.expressions();
		List<String> rules = new ArrayList<>();
		int index = 0;
		for (Map.Entry<String, String> entry : expressions.entrySet()) {
			String expr = entry.getValue().replace("$__rate_interval", "1m");
			assertThat(expr).as(entry.getKey() + ": percentiles, not averages").doesNotContain("avg(", "avg by");
			if (entry.getKey().contains("seconds") || entry.getKey().contains("latency")) {
				assertThat(expr).as(entry.getKey()).doesNotContain("_seconds_sum /");
			}
			rules.add("      - record: panel_" + index++ + "\n        expr: '" + expr.replace("'", "''") + "'\n");
		}
		Path file = this.temp.resolve("panels.yml");
		Files.writeString(file, "groups:\n  - name: panels\n    rules:\n" + String.join("", rules));
		Tools.Run check = Tools.run(this.temp, List.of("promtool", "check", "rules", file.toString()));
		assertThat(check.exitCode()).as(check.output()).isZero();
		assertThat(check.output()).contains("SUCCESS: " + expressions.size() + " rules found");
	}

	@Test
	void metricNamesAreReadFromPromqlWithoutLabelsFunctionsOrGroupings() {
		assertThat(MonitoringScenario.metricNames(
				"sum by (application) (rate(http_server_requests_seconds_count{status=~\"5..\",uri!~\"/a\"}[5m]))"
						+ " / on (application) up and (sum(rate(x_total[1m])) or vector(0)) > 14.4 * 0.001"))
			.containsExactly("http_server_requests_seconds_count", "up", "x_total");
		assertThat(MonitoringScenario.metricNames("slo:signin_errors:ratio_rate5m > (6 * 0.001)"))
			.containsExactly("slo:signin_errors:ratio_rate5m");
	}

	@Test
	void eachGroupingIsReadWithTheMetricsItGroups() {
		assertThat(MonitoringScenario
			.groupings("histogram_quantile(0.99, sum by (application, le) (rate(a_bucket{uri=\"/x(y\"}[5m])))"
					+ " / on (application) max by (application) (b_max) + sum(c_total)"))
			.containsExactly(Map.entry(List.of("application", "le"), Set.of("a_bucket")),
					Map.entry(List.of("application"), Set.of("b_max")));
	}

	static List<Path> dashboards() throws IOException {
		try (Stream<Path> files = Files.list(grafana.resolve("dashboards"))) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
	}

}
