package hub.ameen.e2e.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

/**
 * Drives load at a suite started by {@code ./hub up}: lists of contacts
 * ({@code GET /api/crm/contacts?limit=20}) and new contacts
 * ({@code POST /api/crm/contacts}), each through the gateway and directly to crm-service
 * with the same admin token, and prints throughput, p50 and p99 for each and the ratios
 * gateway/direct. The four scenarios take turns in rounds so that a noisy neighbour hurts
 * both sides of a ratio alike. Only loopback is ever called.
 *
 * <p>
 * Run from the repository root: {@code bench/load.sh [--seconds=5] [--rounds=3]
 * [--concurrency=8] [--warmup=2]} (seconds per scenario per round). It reads
 * {@code HUB_PORT_GATEWAY}, {@code HUB_PORT_CRM}, {@code HUB_ADMIN_EMAIL} and
 * {@code HUB_ADMIN_PASSWORD} (else {@code $HUB_DATA_DIR/user-service/admin-password}).
 * The contacts it creates are tagged {@code load-driver}.
 */
public final class LoadDriver {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final int MAX_TOTAL_SECONDS = 480; // the access token lives 10 minutes

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final Settings settings;

	private final ExecutorService workers;

	private LoadDriver(Settings settings) {
		this.settings = settings;
		this.workers = Executors.newFixedThreadPool(settings.concurrency());
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.from(System.getenv(), args);
		LoadDriver driver = new LoadDriver(settings);
		try {
			driver.run();
		}
		finally {
			driver.workers.shutdownNow();
		}
	}

	private void run() throws Exception {
		String token = login();
		List<Scenario> scenarios = new ArrayList<>();
		for (String via : List.of("direct", "gateway")) {
			int port = via.equals("gateway") ? this.settings.gatewayPort() : this.settings.crmPort();
			scenarios.add(new Scenario("list", via, port, 200,
					() -> request(port, "/api/crm/contacts?limit=20", token).GET().build()));
			scenarios.add(new Scenario("create", via, port, 201,
					() -> request(port, "/api/crm/contacts", token).header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(newContact()))
						.build()));
		}
		System.out.printf("Load: %d in flight, %d round(s) of %d s per scenario, after %d s of warm-up each%n",
				this.settings.concurrency(), this.settings.rounds(), this.settings.seconds(), this.settings.warmup());
		for (Scenario scenario : scenarios) {
			drive(scenario, this.settings.warmup(), new Tally());
		}
		Map<Scenario, Tally> tallies = new LinkedHashMap<>();
		for (int round = 0; round < this.settings.rounds(); round++) {
			for (Scenario scenario : scenarios) {
				drive(scenario, this.settings.seconds(), tallies.computeIfAbsent(scenario, (s) -> new Tally()));
			}
		}
		Report.print(tallies);
	}

	/** Keeps {@code concurrency} requests in flight for the given seconds. */
	private void drive(Scenario scenario, int seconds, Tally tally) throws Exception {
		long started = System.nanoTime();
		long deadline = started + Duration.ofSeconds(seconds).toNanos();
		List<Future<Tally>> running = new ArrayList<>();
		for (int i = 0; i < this.settings.concurrency(); i++) {
			running.add(this.workers.submit(() -> loop(scenario, deadline)));
		}
		for (Future<Tally> worker : running) {
			tally.add(worker.get());
		}
		tally.addTime(System.nanoTime() - started);
	}

	private Tally loop(Scenario scenario, long deadline) throws InterruptedException {
		Tally tally = new Tally();
		while (System.nanoTime() < deadline) {
			HttpRequest request = scenario.requests().get();
			long sent = System.nanoTime();
			int status;
			try {
				status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			}
			catch (IOException ex) {
				status = -1; // no answer: counted as a failure, shown as status -1
			}
			tally.record(status == scenario.expectedStatus(), status, System.nanoTime() - sent);
		}
		return tally;
	}

	private String login() throws IOException, InterruptedException {
		String body = json
			.writeValueAsString(Map.of("email", this.settings.adminEmail(), "password", this.settings.adminPassword()));
		HttpResponse<String> response = this.http.send(
				request(this.settings.gatewayPort(), "/api/auth/login", null).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
		}
		return json.readTree(response.body()).get("accessToken").asString();
	}

	private static HttpRequest.Builder request(int port, String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10));
		return (token != null) ? builder.header("Authorization", "Bearer " + token) : builder;
	}

	private static String newContact() {
		String unique = UUID.randomUUID().toString();
		return json.writeValueAsString(Map.of("firstName", "Load", "lastName", unique.substring(0, 8), "email",
				"load-" + unique + "@example.com", "tags", List.of("load-driver")));
	}

	record Scenario(String name, String via, int port, int expectedStatus, Supplier<HttpRequest> requests) {
	}

	/** Latencies of successful requests, failures by status, and the time spent. */
	static final class Tally {

		long[] latencies = new long[1024];

		int count;

		long nanos;

		final Map<Integer, Integer> failures = new TreeMap<>();

		void record(boolean ok, int status, long latency) {
			if (!ok) {
				this.failures.merge(status, 1, Integer::sum);
				return;
			}
			if (this.count == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.count * 2);
			}
			this.latencies[this.count++] = latency;
		}

		void add(Tally other) {
			for (int i = 0; i < other.count; i++) {
				record(true, 0, other.latencies[i]);
			}
			other.failures.forEach((status, n) -> this.failures.merge(status, n, Integer::sum));
		}

		void addTime(long nanos) {
			this.nanos += nanos;
		}

		double perSecond() {
			return this.count / (this.nanos / 1e9);
		}

		double percentileMillis(double p) {
			long[] sorted = Arrays.copyOf(this.latencies, this.count);
			Arrays.sort(sorted);
			return (this.count == 0) ? Double.NaN : sorted[(int) Math.ceil(p * this.count) - 1] / 1e6;
		}

	}

	/**
	 * What to drive and for how long.
	 *
	 * @param gatewayPort the gateway's port
	 * @param crmPort crm-service's port
	 * @param adminEmail the admin's email
	 * @param adminPassword the admin's password
	 * @param seconds seconds per scenario per round
	 * @param rounds how many times the scenarios take turns
	 * @param concurrency requests in flight
	 * @param warmup seconds of unmeasured load per scenario first
	 */
	record Settings(int gatewayPort, int crmPort, String adminEmail, String adminPassword, int seconds, int rounds,
			int concurrency, int warmup) {

		Settings {
			if (seconds < 1 || rounds < 1 || warmup < 0 || concurrency < 1 || concurrency > 256) {
				throw new IllegalArgumentException("seconds, rounds >= 1; warmup >= 0; 1 <= concurrency <= 256");
			}
			if (4 * (seconds * rounds + warmup) > MAX_TOTAL_SECONDS) {
				throw new IllegalArgumentException("a run is bounded to " + MAX_TOTAL_SECONDS + " s in all");
			}
		}

		static Settings from(Map<String, String> env, String[] args) throws IOException {
			Map<String, String> options = new TreeMap<>();
			for (String arg : args) {
				String[] pair = arg.replaceFirst("^--", "").split("=", 2);
				options.put(pair[0], (pair.length > 1) ? pair[1] : "");
			}
			return new Settings(Integer.parseInt(env.getOrDefault("HUB_PORT_GATEWAY", "8080")),
					Integer.parseInt(env.getOrDefault("HUB_PORT_CRM", "8083")),
					env.getOrDefault("HUB_ADMIN_EMAIL", "admin@hub.local"), password(env),
					Integer.parseInt(options.getOrDefault("seconds", "5")),
					Integer.parseInt(options.getOrDefault("rounds", "3")),
					Integer.parseInt(options.getOrDefault("concurrency", "8")),
					Integer.parseInt(options.getOrDefault("warmup", "2")));
		}

		private static String password(Map<String, String> env) throws IOException {
			String given = env.get("HUB_ADMIN_PASSWORD");
			if (given != null && !given.isEmpty()) {
				return given;
			}
			Path file = Path.of(env.getOrDefault("HUB_DATA_DIR", "data"), "user-service", "admin-password");
			return Files.readString(file).strip();
		}

	}

}
