package hub.ameen.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole suite, started and stopped through {@code ./hub} as separate JVMs on free
 * ports with its own data: healthy through the gateway, stopped without leftovers,
 * started again on the same data.
 *
 * @author Ameen Hub
 */
class SuiteIT {

	private static final Duration UP_TIMEOUT = Duration.ofSeconds(150);

	private static final Duration DOWN_TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@TempDir
	Path temp;

	Hub hub;

	@BeforeEach
	void hub() {
		Path root = Path.of(System.getProperty("hub.root", "..")).toAbsolutePath().normalize();
		this.hub = new Hub(root, this.temp.resolve("data"), this.temp.resolve("logs"));
		List<Path> missing = this.hub.missingJars();
		if (!missing.isEmpty()) {
			String message = "\n\n*** SuiteIT SKIPPED: the service jars are missing: " + missing
					+ "\n*** build them first: ./mvnw -B -DskipTests install (or run ./mvnw verify)\n";
			System.err.println(message);
			Assumptions.abort(message);
		}
	}

	@Test
	void upServesHealthDownLeavesNothingAndAnotherUpFindsItsData() throws Exception {
		SoftAssertions soft = new SoftAssertions();
		try {
			Hub.Result up = this.hub.run(UP_TIMEOUT, "up");
			assertThat(up.exitCode()).as(up.output()).isZero();
			assertThat(up.output()).contains("http://localhost:" + this.hub.port("gateway"));
			assertEveryServiceIsReady();
			assertAggregatedHealthIsUp(soft);
			Optional<String> adminPassword = adminPassword();
			adminPassword.ifPresent((password) -> soft.assertThat(up.output())
				.as("./hub up prints the generated admin password")
				.contains(password.trim()));
			String kafkaMeta = Files.readString(this.hub.dataDir().resolve("kafka/meta.properties"));

			Map<String, Long> pids = pids();
			Hub.Result again = this.hub.run(UP_TIMEOUT, "up");
			assertThat(again.output()).contains("already running");
			assertThat(pids()).isEqualTo(pids);

			stopAndAssertNothingRemains(pids);

			Hub.Result restart = this.hub.run(UP_TIMEOUT, "up");
			assertThat(restart.exitCode()).as(restart.output()).isZero();
			assertEveryServiceIsReady();
			assertThat(Files.readString(this.hub.dataDir().resolve("kafka/meta.properties"))).isEqualTo(kafkaMeta);
			assertThat(adminPassword()).isEqualTo(adminPassword);
			stopAndAssertNothingRemains(pids());
		}
		finally {
			this.hub.run(DOWN_TIMEOUT, "down");
		}
		soft.assertAll();
	}

	private void assertEveryServiceIsReady() throws Exception {
		Hub.Result status = this.hub.run(Duration.ofSeconds(30), "status");
		assertThat(status.exitCode()).as(status.output()).isZero();
		for (String service : Hub.SERVICES) {
			HttpResponse<String> readiness = get(service, "/actuator/health/readiness");
			assertThat(readiness.statusCode()).as(service + " readiness").isEqualTo(200);
		}
	}

	// DESIGN.md: GET /api/health -> {"status":"UP","services":{"auth-service":"UP",...}}
	// (soft, so that one run also reports on stop and restart while the gateway lacks it)
	private void assertAggregatedHealthIsUp(SoftAssertions soft) throws Exception {
		HttpResponse<String> health = get("gateway", "/api/health");
		soft.assertThat(health.statusCode()).as("GET /api/health through the gateway: " + health.body()).isEqualTo(200);
		if (health.statusCode() == 200) {
			JsonNode body = JsonMapper.builder().build().readTree(health.body());
			soft.assertThat(body.path("status").asString()).as("aggregated status").isEqualTo("UP");
			for (String service : Hub.SERVICES.stream().filter((name) -> !name.equals("gateway")).toList()) {
				soft.assertThat(body.path("services").path(service).asString())
					.as(service + " in /api/health")
					.isEqualTo("UP");
			}
		}
	}

	private void stopAndAssertNothingRemains(Map<String, Long> pids) throws IOException {
		Hub.Result down = this.hub.run(DOWN_TIMEOUT, "down");
		assertThat(down.exitCode()).as(down.output()).isZero();
		assertThat(pids).as("pid files before down").containsOnlyKeys(Hub.COMPONENTS);
		pids.forEach((name, pid) -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
			.as(name + " (pid " + pid + ") after down")
			.isEmpty());
		assertThat(pids()).as("pid files after down").isEmpty();
		this.hub.ports()
			.forEach((name, port) -> assertThat(Hub.isFree(port)).as(name + " port " + port + " free").isTrue());
		assertThat(processesOfThisSuite()).as("processes with this suite's HUB_DATA_DIR").isEmpty();
	}

	private Map<String, Long> pids() throws IOException {
		Map<String, Long> pids = new HashMap<>();
		Path run = this.hub.dataDir().resolve("run");
		for (String name : Hub.COMPONENTS) {
			Path file = run.resolve(name + ".pid");
			if (Files.exists(file)) {
				pids.put(name, Long.parseLong(Files.readString(file).trim()));
			}
		}
		return pids;
	}

	/** Every process whose environment names this suite's data directory (Linux). */
	private List<Long> processesOfThisSuite() throws IOException {
		Path proc = Path.of("/proc");
		if (!Files.isDirectory(proc)) {
			return List.of();
		}
		String marker = "HUB_DATA_DIR=" + this.hub.dataDir();
		try (Stream<Path> entries = Files.list(proc)) {
			return entries.filter((dir) -> dir.getFileName().toString().matches("\\d+"))
				.filter((dir) -> environmentContains(dir.resolve("environ"), marker))
				.map((dir) -> Long.parseLong(dir.getFileName().toString()))
				.filter((pid) -> pid != ProcessHandle.current().pid())
				.toList();
		}
	}

	private static boolean environmentContains(Path environ, String entry) {
		try {
			return List.of(new String(Files.readAllBytes(environ)).split("\0")).contains(entry);
		}
		catch (IOException | SecurityException ex) {
			return false;
		}
	}

	private Optional<String> adminPassword() throws IOException {
		Path file = this.hub.dataDir().resolve("user-service/admin-password");
		return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
	}

	private HttpResponse<String> get(String component, String path) throws Exception {
		URI uri = URI.create("http://localhost:" + this.hub.port(component) + path);
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
