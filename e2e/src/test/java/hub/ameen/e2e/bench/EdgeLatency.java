package hub.ameen.e2e.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * The latency Nginx adds: a small authenticated GET
 * ({@code /api/notifications/unread-count}) at a fixed rate (open loop: requests leave on
 * schedule whether or not earlier ones have answered), to the gateway alone and through
 * {@code ./hub edge} (HTTPS, HTTP/1.1 keep-alive), taking turns in rounds so that a noisy
 * neighbour hurts both alike. Prints p50, p90, p99 and max of each and the differences.
 *
 * <p>
 * With {@code --compare=direct} it measures the gateway instead: the same request to
 * notification-service directly and through the gateway ({@code bench/ratios.sh} runs it
 * so).
 * <p>
 * Run from the repository root with the suite and the edge up: {@code bench/edge.sh
 * [--rate=25] [--seconds=10] [--rounds=3] [--warmup=5]}. It reads
 * {@code HUB_PORT_GATEWAY}, {@code HUB_PORT_EDGE_HTTPS}, {@code HUB_DATA_DIR} (the edge's
 * certificate), {@code HUB_ADMIN_EMAIL} and {@code HUB_ADMIN_PASSWORD} (else the
 * generated one). Keep the rate under the edge's API limit (50 a second per address).
 */
public final class EdgeLatency {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String PATH = "/api/notifications/unread-count";

	public static void main(String[] args) throws Exception {
		Map<String, String> env = System.getenv();
		boolean direct = Arrays.asList(args).contains("--compare=direct");
		Map<String, Integer> options = options(args);
		int rate = options.get("rate");
		Path data = Path.of(env.getOrDefault("HUB_DATA_DIR", "data")).toAbsolutePath();
		String gateway = "http://localhost:" + env.getOrDefault("HUB_PORT_GATEWAY", "8080");
		HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String token = login(plain, gateway, env, data);
		// the shorter way first, then the longer one through the part measured
		String[] names = direct ? new String[] { "service", "gateway" } : new String[] { "gateway", "nginx+gateway" };
		String[] bases = direct
				? new String[] { "http://localhost:" + env.getOrDefault("HUB_PORT_NOTIFICATIONS", "8086"), gateway }
				: new String[] { gateway, "https://localhost:" + env.getOrDefault("HUB_PORT_EDGE_HTTPS", "8443") };
		HttpClient[] clients = { plain,
				direct ? plain
						: HttpClient.newBuilder()
							.version(HttpClient.Version.HTTP_1_1)
							.sslContext(trusting(data.resolve("edge/tls/cert.pem")))
							.build() };

		Map<String, List<Long>> micros = new LinkedHashMap<>();
		for (int i = 0; i < 2; i++) {
			micros.put(names[i], new ArrayList<>());
			run(clients[i], bases[i], token, rate, options.get("warmup"));
		}
		for (int round = 0; round < options.get("rounds"); round++) {
			for (int i = 0; i < 2; i++) {
				micros.get(names[i]).addAll(run(clients[i], bases[i], token, rate, options.get("seconds")));
			}
		}
		System.out.printf("GET %s at %d/s, %d rounds of %d s each way (HTTP/1.1 keep-alive)%n", PATH, rate,
				options.get("rounds"), options.get("seconds"));
		System.out.printf("  %-14s %7s %8s %8s %8s %8s%n", "via", "n", "p50 ms", "p90 ms", "p99 ms", "max ms");
		Map<String, long[]> sorted = new LinkedHashMap<>();
		micros.forEach((via, all) -> {
			long[] values = all.stream().mapToLong(Long::longValue).sorted().toArray();
			sorted.put(via, values);
			System.out.printf("  %-14s %7d %8.2f %8.2f %8.2f %8.2f%n", via, values.length, ms(values, 0.50),
					ms(values, 0.90), ms(values, 0.99), values[values.length - 1] / 1000.0);
		});
		long[] shorter = sorted.get(names[0]);
		long[] through = sorted.get(names[1]);
		System.out.printf("  added by %s: p50 %+.2f ms, p99 %+.2f ms%n", direct ? "the gateway" : "Nginx",
				ms(through, 0.5) - ms(shorter, 0.5), ms(through, 0.99) - ms(shorter, 0.99));
	}

	/** Sends at a fixed rate for the given seconds; the latencies in microseconds. */
	private static List<Long> run(HttpClient http, String base, String token, int rate, int seconds) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + PATH))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger failures = new AtomicInteger();
		AtomicReference<String> firstFailure = new AtomicReference<>();
		List<CompletableFuture<?>> pending = new ArrayList<>();
		long interval = 1_000_000_000L / rate;
		long start = System.nanoTime();
		for (long n = 0; n < (long) rate * seconds; n++) {
			long due = start + n * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			long sent = System.nanoTime();
			pending
				.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, ex) -> {
					if (ex == null && response.statusCode() == 200) {
						latencies.add((System.nanoTime() - sent) / 1000);
					}
					else {
						failures.incrementAndGet();
						firstFailure.compareAndSet(null, (ex != null) ? ex.toString()
								: response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
					}
				}));
		}
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally((ex) -> null).join();
		if (failures.get() > 0) {
			System.out.printf("  %s: %d requests failed or were not 200, first: %s%n", base, failures.get(),
					firstFailure.get());
		}
		return new ArrayList<>(latencies);
	}

	private static double ms(long[] sorted, double quantile) {
		int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1000.0;
	}

	private static String login(HttpClient http, String gateway, Map<String, String> env, Path data) throws Exception {
		String password = env.get("HUB_ADMIN_PASSWORD");
		if (password == null || password.isBlank()) {
			password = Files.readString(data.resolve("user-service/admin-password")).trim();
		}
		String body = json.writeValueAsString(
				Map.of("email", env.getOrDefault("HUB_ADMIN_EMAIL", "admin@hub.local"), "password", password));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
		}
		return json.readTree(response.body()).get("accessToken").asString();
	}

	private static SSLContext trusting(Path certificate) throws Exception {
		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		try (InputStream in = Files.newInputStream(certificate)) {
			trusted.setCertificateEntry("edge", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

	private static Map<String, Integer> options(String[] args) {
		Map<String, Integer> options = new LinkedHashMap<>(Map.of("rate", 25, "seconds", 10, "rounds", 3, "warmup", 5));
		Arrays.stream(args)
			.filter((arg) -> arg.startsWith("--") && arg.contains("=") && !arg.startsWith("--compare="))
			.forEach((arg) -> {
				String name = arg.substring(2, arg.indexOf('='));
				if (!options.containsKey(name)) {
					throw new IllegalArgumentException("unknown option " + arg + "; known: " + options.keySet());
				}
				options.put(name, Integer.parseInt(arg.substring(arg.indexOf('=') + 1)));
			});
		return options;
	}

}
