package hub.ameen.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/prometheus/}: Debian's promtool accepts the scrape configuration and the
 * rules, and runs the rules' unit tests; every alert waits ({@code for:}), has a severity
 * and a runbook section, and is exercised by some unit test.
 */
class PrometheusRulesTests {

	static final Path prometheus = Tools.root.resolve("deploy/prometheus");

	@Test
	void promtoolAcceptsTheConfigurationAndTheRules() {
		Tools.require("promtool");
		Tools.Run config = Tools.run(prometheus, List.of("promtool", "check", "config", "prometheus.yml"));
		assertThat(config.exitCode()).as(config.output()).isZero();
		assertThat(config.output()).contains("rules/alerts.yml").contains("rules/slo.yml");
	}

	@Test
	void everyAlertPassesItsUnitTests() throws IOException {
		Tools.require("promtool");
		List<String> command = new ArrayList<>(List.of("promtool", "test", "rules"));
		testFiles().forEach((file) -> command.add(prometheus.relativize(file).toString()));
		Tools.Run tests = Tools.run(prometheus, command);
		assertThat(tests.exitCode()).as(tests.output()).isZero();
		assertThat(tests.output()).doesNotContain("FAILED");
	}

	@Test
	void everyAlertWaitsHasASeverityARunbookSectionAndAUnitTest() throws IOException {
		String runbooks = Files.readString(Tools.root.resolve("docs/runbooks.md"));
		StringBuilder tests = new StringBuilder();
		for (Path file : testFiles()) {
			tests.append(Files.readString(file));
		}
		List<Map<String, Object>> alerts = alerts();
		assertThat(alerts).hasSizeGreaterThanOrEqualTo(15);
		for (Map<String, Object> alert : alerts) {
			String name = (String) alert.get("alert");
			assertThat(alert.get("for")).as(name + " for:").isNotNull();
			assertThat(labels(alert, "labels")).as(name + " severity").containsKey("severity");
			String runbook = labels(alert, "annotations").get("runbook_url");
			assertThat(runbook).as(name + " runbook_url").startsWith("docs/runbooks.md#");
			String anchor = runbook.substring(runbook.indexOf('#') + 1);
			assertThat(runbooks.lines().map((line) -> line.toLowerCase()))
				.as(name + ": a section whose anchor is #" + anchor)
				.contains("## " + anchor);
			assertThat(tests.toString()).as(name + " has a unit test").contains("alertname: " + name + "\n");
		}
	}

	@Test
	void theHubJobScrapesEveryServiceOnItsActuatorEndpoint() {
		Map<String, Object> config = Tools.yaml(prometheus.resolve("prometheus.yml"));
		@SuppressWarnings("unchecked")
		Map<String, Object> hub = ((List<Map<String, Object>>) config.get("scrape_configs")).stream()
			.filter((job) -> "hub".equals(job.get("job_name")))
			.findFirst()
			.orElseThrow();
		assertThat(hub.get("metrics_path")).isEqualTo("/actuator/prometheus");
		@SuppressWarnings("unchecked")
		List<String> services = ((List<Map<String, Object>>) hub.get("static_configs")).stream()
			.map((target) -> ((Map<String, String>) target.get("labels")).get("service"))
			.toList();
		assertThat(services).containsExactlyInAnyOrderElementsOf(Hub.SERVICES);
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> alerts() {
		return rules(prometheus.resolve("rules/alerts.yml")).stream()
			.filter((rule) -> rule.containsKey("alert"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> rules(Path file) {
		List<Map<String, Object>> groups = (List<Map<String, Object>>) Tools.yaml(file).get("groups");
		return groups.stream().flatMap((group) -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> labels(Map<String, Object> alert, String key) {
		return (Map<String, String>) alert.get(key);
	}

	static List<Path> testFiles() throws IOException {
		try (Stream<Path> files = Files.list(prometheus.resolve("tests"))) {
			return files.filter((file) -> file.toString().endsWith(".yml")).sorted().toList();
		}
	}

}
