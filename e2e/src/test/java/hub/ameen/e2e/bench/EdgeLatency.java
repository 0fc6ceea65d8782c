package hub.ameen.e2e.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * The latency Nginx adds: a small authenticated GET
 * ({@code /api/notifications/unread-count}) at a fixed rate (open loop: requests leave on
 * schedule whether or not earlier ones have answered), to the gateway alone and through
 * {@code ./hub edge} (HTTPS, HTTP/1.1 keep-alive). The two ways are interleaved request
 * by request, each at the rate, one half an interval after the other, so that a stall of
 * the shared machine (this kind has two cores and noisy neighbours) lands on both alike
 * and only what the longer way adds tells them apart. Prints p50, p90, p99 and max of
 * each and the differences.
 *
 * <p>
 * The requests go out on plain blocking sockets, eight kept-alive connections a way, each
 * with a thread of its own that sleeps until its next request is due and then writes it
 * and reads the answer. A request whose connections were all still busy when it was due
 * counts from when it was due. Java's {@code HttpClient} hands each request and each
 * answer between its selector thread and an executor: against Debian's Nginx serving a
 * small file, at 200 a second, it measured p50 0.82 ms and p99 6.6 ms, where these
 * sockets measure 0.14 and 0.84 ms, and that noise of its own hid the few hundred
 * microseconds measured here.
 *
 * <p>
 * With {@code --compare=direct} it measures the gateway instead: the same request to
 * notification-service directly and through the gateway ({@code bench/ratios.sh} runs it
 * so).
 * <p>
 * Run from the repository root with the suite and the edge up: {@code bench/edge.sh
 * [--rate=25] [--seconds=30] [--warmup=5]}. It reads {@code HUB_PORT_GATEWAY},
 * {@code HUB_PORT_EDGE_HTTPS}, {@code HUB_PORT_NOTIFICATIONS}, {@code HUB_DATA_DIR} (the
 * edge's certificate), {@code HUB_ADMIN_EMAIL} and {@code HUB_ADMIN_PASSWORD} (else the
 * generated one). Keep the rate under the edge's API limit (50 a second per address).
 */
public final class EdgeLatency {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String PATH = "/api/notifications/unread-count";

	/**
	 * Connections (and threads) a way: enough that one slow answer holds no request back.
	 */
	private static final int CONNECTIONS = 8;

	public static void main(String[] args) throws Exception {
		Map<String, String> env = System.getenv();
		boolean direct = Arrays.asList(args).contains("--compare=direct");
		Map<String, Integer> options = options(args);
		int rate = options.get("rate");
		Path data = Path.of(env.getOrDefault("HUB_DATA_DIR", "data")).toAbsolutePath();
		int gateway = Integer.parseInt(env.getOrDefault("HUB_PORT_GATEWAY", "8080"));
		String token = login(gateway, env, data);
		// the shorter way first, then the longer one through the part measured
		Way[] ways = direct
				? new Way[] {
						new Way("service", SocketFactory.getDefault(),
								Integer.parseInt(env.getOrDefault("HUB_PORT_NOTIFICATIONS", "8086")), token),
						new Way("gateway", SocketFactory.getDefault(), gateway, token) }
				: new Way[] { new Way("gateway", SocketFactory.getDefault(), gateway, token),
						new Way("nginx+gateway", trusting(data.resolve("edge/tls/cert.pem")).getSocketFactory(),
								Integer.parseInt(env.getOrDefault("HUB_PORT_EDGE_HTTPS", "8443")), token) };

		run(ways, rate, options.get("warmup"));
		List<long[]> sorted = run(ways, rate, options.get("seconds"));
		System.out.printf(
				"GET %s at %d/s each way for %d s, the two interleaved (HTTP/1.1 keep-alive, %d connections a way)%n",
				PATH, rate, options.get("seconds"), CONNECTIONS);
		System.out.printf("  %-14s %7s %8s %8s %8s %8s%n", "via", "n", "p50 ms", "p90 ms", "p99 ms", "max ms");
		for (int i = 0; i < ways.length; i++) {
			long[] values = sorted.get(i);
			if (values.length == 0) {
				System.out.printf("  %-14s no request answered 200%n", ways[i].name);
				return;
			}
			System.out.printf("  %-14s %7d %8.2f %8.2f %8.2f %8.2f%n", ways[i].name, values.length, ms(values, 0.50),
					ms(values, 0.90), ms(values, 0.99), values[values.length - 1] / 1000.0);
		}
		long[] shorter = sorted.get(0);
		long[] through = sorted.get(1);
		System.out.printf("  added by %s: p50 %+.2f ms, p99 %+.2f ms%n", direct ? "the gateway" : "Nginx",
				ms(through, 0.5) - ms(shorter, 0.5), ms(through, 0.99) - ms(shorter, 0.99));
	}

	/**
	 * Sends to each way at the rate for the given seconds, each way half an interval
	 * after the one before; each way's latencies in microseconds, sorted.
	 */
	private static List<long[]> run(Way[] ways, int rate, int seconds) throws InterruptedException {
		long interval = 1_000_000_000L / rate;
		long count = (long) rate * seconds;
		long start = System.nanoTime() + 100_000_000L;
		List<Thread> threads = new ArrayList<>();
		List<Schedule> schedules = new ArrayList<>();
		for (int i = 0; i < ways.length; i++) {
			Schedule schedule = new Schedule(ways[i], start + i * interval / ways.length, interval, count);
			schedules.add(schedule);
			for (int c = 0; c < CONNECTIONS; c++) {
				Thread thread = new Thread(schedule::send, ways[i].name + "-" + c);
				thread.start();
				threads.add(thread);
			}
		}
		for (Thread thread : threads) {
			thread.join();
		}
		List<long[]> sorted = new ArrayList<>();
		for (Schedule schedule : schedules) {
			if (schedule.failures.get() > 0) {
				System.out.printf("  %s: %d requests failed or were not 200, first: %s%n", schedule.way.name,
						schedule.failures.get(), schedule.firstFailure.get());
			}
			sorted.add(schedule.latencies.stream().mapToLong(Long::longValue).sorted().toArray());
		}
		return sorted;
	}

	/** Where a way's requests go: a name, how to connect, and the request's bytes. */
	private record Way(String name, SocketFactory sockets, int port, byte[] request) {

		Way(String name, SocketFactory sockets, int port, String token) {
			this(name, sockets, port, ("GET " + PATH + " HTTP/1.1\r\nHost: localhost:" + port
					+ "\r\nAuthorization: Bearer " + token + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
		}

		Connection connect() throws IOException {
			Socket socket = this.sockets.createSocket("localhost", this.port);
			socket.setTcpNoDelay(true);
			if (socket instanceof SSLSocket tls) {
				tls.startHandshake();
			}
			return new Connection(socket, new BufferedInputStream(socket.getInputStream()));
		}

	}

	/** A kept-alive connection, its answers read through a buffer (not a read a byte). */
	private record Connection(Socket socket, InputStream in) implements Closeable {

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

	/**
	 * One way's requests: the n-th is due at {@code first + n * interval}; each
	 * connection's thread takes the next one, waits until it is due, sends it and reads
	 * the answer.
	 */
	private static final class Schedule {

		private final Way way;

		private final long first;

		private final long interval;

		private final long count;

		private final AtomicLong next = new AtomicLong();

		private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

		private final AtomicInteger failures = new AtomicInteger();

		private final AtomicReference<String> firstFailure = new AtomicReference<>();

		Schedule(Way way, long first, long interval, long count) {
			this.way = way;
			this.first = first;
			this.interval = interval;
			this.count = count;
		}

		void send() {
			Connection connection = null;
			try {
				for (long n = this.next.getAndIncrement(); n < this.count; n = this.next.getAndIncrement()) {
					long due = this.first + n * this.interval;
					long now = System.nanoTime();
					// late: every connection was busy when it was due, and that wait
					// counts
					long late = Math.max(0, now - due);
					if (now < due) {
						LockSupport.parkNanos(due - now);
					}
					try {
						if (connection == null) {
							connection = this.way.connect();
						}
						long sent = System.nanoTime();
						connection.socket().getOutputStream().write(this.way.request);
						Answer answer = Answer.read(connection.in());
						long took = System.nanoTime() - sent + late;
						if (answer.status == 200) {
							this.latencies.add(took / 1000);
						}
						else {
							failed(answer.status + " " + answer.body);
						}
						if (answer.close) {
							close(connection);
							connection = null;
						}
					}
					catch (IOException ex) {
						failed(ex.toString());
						close(connection);
						connection = null;
					}
				}
			}
			finally {
				close(connection);
			}
		}

		private void failed(String what) {
			this.failures.incrementAndGet();
			this.firstFailure.compareAndSet(null, what);
		}

		private static void close(Connection connection) {
			if (connection != null) {
				try {
					connection.close();
				}
				catch (IOException ex) {
					// closing a connection the run is done with
				}
			}
		}

	}

	/** An HTTP/1.1 answer, read off a kept-alive connection: its status and body. */
	private record Answer(int status, String body, boolean close) {

		static Answer read(InputStream in) throws IOException {
			String[] statusLine = line(in).split(" ", 3);
			if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
				throw new IOException("not an HTTP/1 answer: " + String.join(" ", statusLine));
			}
			int length = 0;
			boolean chunked = false;
			boolean close = false;
			for (String header = line(in); !header.isEmpty(); header = line(in)) {
				String lower = header.toLowerCase(Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Integer.parseInt(lower.substring("content-length:".length()).trim());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					close = true;
				}
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if (chunked) {
				for (int size = chunk(in); size > 0; size = chunk(in)) {
					body.write(in.readNBytes(size));
					line(in);
				}
				line(in);
			}
			else {
				body.write(in.readNBytes(length));
			}
			return new Answer(Integer.parseInt(statusLine[1]), body.toString(StandardCharsets.UTF_8), close);
		}

		private static int chunk(InputStream in) throws IOException {
			String size = line(in);
			int extension = size.indexOf(';');
			return Integer.parseInt((extension < 0) ? size.trim() : size.substring(0, extension).trim(), 16);
		}

		private static String line(InputStream in) throws IOException {
			StringBuilder line = new StringBuilder();
			for (int c = in.read(); c != '\n'; c = in.read()) {
				if (c < 0) {
					throw new EOFException("the connection closed mid-answer");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

	}

	private static double ms(long[] sorted, double quantile) {
		int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1000.0;
	}

	private static String login(int gateway, Map<String, String> env, Path data) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String password = env.get("HUB_ADMIN_PASSWORD");
		if (password == null || password.isBlank()) {
			password = Files.readString(data.resolve("user-service/admin-password")).trim();
		}
		String body = json.writeValueAsString(
				Map.of("email", env.getOrDefault("HUB_ADMIN_EMAIL", "admin@hub.local"), "password", password));
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + gateway + "/api/auth/login"))
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
		Map<String, Integer> options = new LinkedHashMap<>(Map.of("rate", 25, "seconds", 30, "warmup", 5));
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
