package hub.ameen.notification.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import hub.ameen.notification.NotificationServiceApplication;
import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.platform.test.security.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Opens many streams on one notification-service (one user each), then publishes
 * reminders for all of them to Kafka and reports how long each stream took to receive
 * them. Everything runs in this JVM: a real Kafka broker, the service on a free port with
 * LMDB in a temporary directory, and the clients: one thread reading every stream
 * ({@link StreamReaders}), so that the clients take little of the cores the service runs
 * on.
 * <p>
 * Arguments: {@code [connections=5000] [rounds=5] [instances=1] [port=0] [heap]}: with
 * several instances (each its own store, instance id and consumer groups, as
 * {@code ./hub scale} runs them; decision 0008) the streams are spread over them
 * round-robin; {@code port} is the first instance's (0: any free one), the others follow.
 * With {@code heap} (e.g. {@code 512m}) the one instance runs in a JVM of its own with
 * that heap ({@code -Xmx}), so that its memory is its own: the benchmark then prints its
 * heap in use after a full GC with no stream and with every stream open (the difference
 * per stream) and its resident memory (issue 12's 20,000 streams in 512 MB).
 * <p>
 * With {@code -Dbench.streams-per-connection=N} the clients carry N streams on each
 * HTTP/2 connection (h2c, which the service is then set to speak) instead of one HTTP/1.1
 * connection each: a stream on its own connection is a file descriptor on both sides, and
 * a process may open only so many.
 */
public final class StreamBenchmark {

	private static final Logger logger = LoggerFactory.getLogger(StreamBenchmark.class);

	/** Recipients per reminder event, so one event stays well under Kafka's 1 MB. */
	private static final int RECIPIENTS_PER_EVENT = 5000;

	private static final String PATH = "/api/notifications/stream";

	/**
	 * {@code -Dbench.streams-per-connection=N}: N streams on each HTTP/2 connection, not
	 * one HTTP/1.1 connection each (a process may open only so many files); the service
	 * then speaks h2c too.
	 */
	private static final int PER_CONNECTION = Integer.getInteger("bench.streams-per-connection", 1);

	private static final String HTTP2 = "--server.http2.enabled=" + (PER_CONNECTION > 1);

	private StreamBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int connections = (args.length > 0) ? Integer.parseInt(args[0]) : 5000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		int count = (args.length > 2) ? Integer.parseInt(args[2]) : 1;
		int port = (args.length > 3) ? Integer.parseInt(args[3]) : 0;
		String heap = (args.length > 4) ? args[4] : null;
		Path data = Files.createTempDirectory("notification-bench-");
		String group = "notification-bench-" + UUID.randomUUID();
		if (heap != null) {
			try {
				forked(data, group, connections, rounds, heap, port);
			}
			catch (Exception ex) {
				logger.error("The benchmark failed", ex);
				System.exit(1);
			}
			finally {
				FileSystemUtils.deleteRecursively(data);
			}
			System.exit(0);
		}
		List<ConfigurableApplicationContext> instances = new ArrayList<>();
		for (int id = 1; id <= count; id++) {
			instances.add(start(data, id, group, (port > 0) ? port + id - 1 : 0));
		}
		try {
			Streams streams = run(instances, connections, rounds);
			long stopping = System.nanoTime();
			instances.forEach(ConfigurableApplicationContext::close);
			try {
				Awaitility.await()
					.atMost(Duration.ofSeconds(10))
					.pollInterval(Duration.ofMillis(20))
					.until(() -> streams.ended() == streams.size());
			}
			catch (ConditionTimeoutException ex) {
				// reported below: the streams that did not see their end
			}
			System.out.printf("shut down with %d open streams in %d ms; %d streams saw their end%n", streams.size(),
					millisSince(stopping), streams.ended());
			streams.readers().close();
		}
		finally {
			instances.forEach(ConfigurableApplicationContext::close);
			FileSystemUtils.deleteRecursively(data);
		}
		System.exit(0);
	}

	private static ConfigurableApplicationContext start(Path data, int id, String group, int port) {
		SpringApplication application = new SpringApplication(NotificationServiceApplication.class,
				OwnNettyResources.class);
		return application.run("--server.port=" + port, "--hub.store.path=" + data.resolve("store"),
				"--hub.instance-id=" + id, "--spring.kafka.consumer.group-id=" + group,
				"--hub.notifications.stream.ticket-secret=the benchmark's instances share this key",
				"--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
				"--hub.security.jwks-uri=" + TestTokens.shared().jwksUri(), "--logging.level.root=WARN",
				"--spring.main.banner-mode=off", HTTP2);
	}

	/** Event loops of each instance's own, so that closing one leaves the others'. */
	static class OwnNettyResources {

		@Bean
		ReactorResourceFactory reactorServerResourceFactory() {
			ReactorResourceFactory resources = new ReactorResourceFactory();
			resources.setUseGlobalResources(false);
			return resources;
		}

	}

	/** The service in a JVM of its own, with the given heap; its memory measured. */
	private static void forked(Path data, String group, int connections, int rounds, String heap, int port)
			throws Exception {
		int servicePort = (port > 0) ? port : freePort();
		Path java = Path.of(System.getProperty("java.home"), "bin");
		List<String> command = new ArrayList<>(List.of(java.resolve("java").toString(), "-Xmx" + heap,
				"-XX:+UseSerialGC", "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-exports",
				"java.base/sun.nio.ch=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
				NotificationServiceApplication.class.getName(), "--server.port=" + servicePort,
				"--hub.store.path=" + data.resolve("store"), "--spring.kafka.consumer.group-id=" + group,
				"--hub.notifications.stream.ticket-secret=the benchmark's instances share this key",
				"--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
				"--hub.security.jwks-uri=" + TestTokens.shared().jwksUri(), "--logging.level.root=WARN",
				"--spring.main.banner-mode=off", HTTP2));
		// -Dbench.service-args="--a=b --c=d": settings of the service's own to try
		String extra = System.getProperty("bench.service-args", "").strip();
		if (!extra.isEmpty()) {
			command.addAll(List.of(extra.split("\\s+")));
		}
		Process service = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(data.resolve("service.log").toFile())
			.start();
		try {
			try {
				awaitReady(servicePort, service);
			}
			catch (IllegalStateException ex) {
				List<String> log = Files.readAllLines(data.resolve("service.log"));
				log.subList(Math.max(0, log.size() - 40), log.size()).forEach(System.err::println);
				throw ex;
			}
			System.out.printf("notification-service in its own JVM (pid %d, -Xmx%s)%n", service.pid(), heap);
			long idle = heapAfterGc(java, service.pid(), servicePort);
			Streams streams = run(new int[] { servicePort }, JsonMapper.builder().build(), connections, rounds,
					new ServiceUsage(service.pid()), () -> {
						long held = heapAfterGc(java, service.pid(), servicePort);
						System.out.printf(
								"service heap in use after a full GC: %d MB with no stream, %d MB with %d streams: "
										+ "%.1f KB per stream; resident memory %d MB%n",
								idle >> 20, held >> 20, connections, (held - idle) / 1024.0 / connections,
								residentMegabytes(service.pid()));
						histogram(java, service.pid(), Integer.getInteger("bench.histogram", 0));
					});
			System.out.printf("after the broadcasts: service heap %d MB after a full GC, resident memory %d MB%n",
					heapAfterGc(java, service.pid(), servicePort) >> 20, residentMegabytes(service.pid()));
			streams.readers().close();
		}
		finally {
			service.destroy();
			service.onExit().get(30, TimeUnit.SECONDS);
		}
	}

	private static int freePort() throws java.io.IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void awaitReady(int port, Process service) {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
			.build();
		try {
			Awaitility.await()
				.atMost(Duration.ofSeconds(180))
				.pollInterval(Duration.ofMillis(250))
				.ignoreExceptions()
				.until(() -> !service.isAlive()
						|| http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException("notification-service did not become ready (see its log)", ex);
		}
		if (!service.isAlive()) {
			throw new IllegalStateException("notification-service exited before it was ready (see its log)");
		}
	}

	/** A full GC in the service ({@code jcmd GC.run}), then its heap in use, in bytes. */
	private static long heapAfterGc(Path javaBin, long pid, int port) {
		try {
			new ProcessBuilder(javaBin.resolve("jcmd").toString(), Long.toString(pid), "GC.run")
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor(60, TimeUnit.SECONDS);
			String scrape = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			return (long) scrape.lines()
				.filter((line) -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
				.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
				.sum();
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not read the service's heap", ex);
		}
	}

	/**
	 * With {@code -Dbench.histogram=N}: the N classes that hold the most of the service's
	 * heap (live objects), to see what a stream costs.
	 */
	private static void histogram(Path javaBin, long pid, int lines) {
		if (lines <= 0) {
			return;
		}
		try {
			Process jcmd = new ProcessBuilder(javaBin.resolve("jcmd").toString(), Long.toString(pid),
					"GC.class_histogram")
				.start();
			List<String> histogram = new String(jcmd.getInputStream().readAllBytes()).lines().toList();
			jcmd.waitFor(60, TimeUnit.SECONDS);
			histogram.stream().skip(1).limit(lines + 2).forEach(System.out::println);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static long residentMegabytes(long pid) {
		try {
			return Files.readAllLines(Path.of("/proc/" + pid + "/status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.mapToLong((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10)
				.findFirst()
				.orElse(0);
		}
		catch (java.io.IOException ex) {
			return -1;
		}
	}

	private static Streams run(List<ConfigurableApplicationContext> instances, int connections, int rounds)
			throws Exception {
		int[] ports = instances.stream()
			.mapToInt((instance) -> ((WebServerApplicationContext) instance).getWebServer().getPort())
			.toArray();
		Streams streams = run(ports, instances.get(0).getBean(JsonMapper.class), connections, rounds, null, () -> {
		});
		for (ConfigurableApplicationContext instance : instances) {
			report(instance.getBean(MeterRegistry.class), streams);
		}
		return streams;
	}

	/** The open streams and the one thread that reads them all. */
	private record Streams(StreamReaders readers, List<StreamReaders.Stream> all) {

		int size() {
			return this.all.size();
		}

		long ended() {
			return this.all.stream().filter(StreamReaders.Stream::ended).count();
		}

		long outOfOrder() {
			return this.all.stream().mapToLong(StreamReaders.Stream::outOfOrder).sum();
		}

	}

	/**
	 * @param usage the service's process, to tell what each broadcast cost it; null when
	 * it runs in this JVM
	 */
	private static Streams run(int[] ports, JsonMapper json, int connections, int rounds, ServiceUsage usage,
			Runnable whenOpen) throws Exception {
		System.out.printf("notification-service: %d instance(s) on ports %s; %d streams, %d broadcasts%n", ports.length,
				java.util.Arrays.toString(ports), connections, rounds);

		long started = System.nanoTime();
		List<String> users = new ArrayList<>(connections);
		for (int i = 0; i < connections; i++) {
			users.add("bench-" + i);
		}
		List<Map<String, String>> headers = users.parallelStream()
			.map((user) -> Map.of("Authorization", TestTokens.shared().bearer(user, "notifications:read")))
			.toList();
		System.out.printf("signed %d tokens in %d ms%n", connections, millisSince(started));

		StreamReaders readers = new StreamReaders(rounds, PER_CONNECTION);
		System.out.println((PER_CONNECTION > 1) ? "streams: " + PER_CONNECTION + " on each HTTP/2 connection (h2c)"
				: "streams: each on an HTTP/1.1 connection of its own");
		// the first token makes each instance fetch the key set; the rest reuse it
		for (int port : ports) {
			awaitConnected(List.of(readers.open(port, PATH, headers.get(0)))).get(0).close();
		}
		started = System.nanoTime();
		List<StreamReaders.Stream> streams = new ArrayList<>(connections);
		for (int from = 0; from < connections; from += 500) {
			streams.addAll(awaitConnected(java.util.stream.IntStream.range(from, Math.min(connections, from + 500))
				.mapToObj((i) -> readers.open(ports[i % ports.length], PATH, headers.get(i)))
				.toList()));
		}
		System.out.printf("opened %d streams in %d ms (%.0f per second)%n", connections, millisSince(started),
				connections * 1000.0 / Math.max(1, millisSince(started)));
		whenOpen.run();

		long broadcasting = System.nanoTime();
		try (KafkaProducer<String, String> producer = producer()) {
			for (int round = 1; round <= rounds; round++) {
				broadcast(producer, json, users, readers, streams, round, usage);
			}
		}
		long millis = Math.max(1, millisSince(broadcasting));
		Streams open = new Streams(readers, streams);
		System.out.printf(
				"%d notifications delivered to %d streams on %d instance(s) in %d ms: %.0f per second; "
						+ "%d twice or out of order%n",
				(long) connections * rounds, connections, ports.length, millis,
				(long) connections * rounds * 1000.0 / millis, open.outOfOrder());
		return open;
	}

	private static List<StreamReaders.Stream> awaitConnected(List<StreamReaders.Stream> streams) {
		try {
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(10))
				.until(() -> streams.stream().allMatch((s) -> s.connected() || s.ended()));
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException("streams did not open in 60 s", ex);
		}
		streams.stream().filter((s) -> !s.connected()).findFirst().ifPresent((s) -> {
			throw new IllegalStateException("a stream did not open: " + s.describe());
		});
		return streams;
	}

	private static void broadcast(KafkaProducer<String, String> producer, JsonMapper json, List<String> users,
			StreamReaders readers, List<StreamReaders.Stream> streams, int round, ServiceUsage usage) throws Exception {
		ServiceUsage.Sample before = (usage != null) ? usage.sample() : null;
		long ownCpu = ownCpuNanos();
		long published = System.nanoTime();
		Instant now = Instant.now();
		for (int from = 0; from < users.size(); from += RECIPIENTS_PER_EVENT) {
			List<String> recipients = users.subList(from, Math.min(users.size(), from + RECIPIENTS_PER_EVENT));
			EventEnvelope reminder = new EventEnvelope(UUID.randomUUID().toString(), "scheduler.reminder.due", 1, now,
					"bench-event-" + from, null,
					json.valueToTree(Map.of("eventId", "bench-event", "occurrenceStart",
							now.plusSeconds(600).toString(), "title", "Broadcast " + round, "dueAt", now.toString(),
							"firedAt", now.toString(), "late", false, "recipients", recipients)));
			producer.send(new ProducerRecord<>(Topics.REMINDER, reminder.key(), json.writeValueAsString(reminder)));
		}
		producer.flush();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (readers.reached(round) < streams.size()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						(streams.size() - readers.reached(round)) + " streams did not receive broadcast " + round);
			}
			Thread.sleep(2);
		}
		long[] latencies = streams.stream().mapToLong((s) -> s.receivedAt(round) - published).sorted().toArray();
		String cost = "";
		if (before != null) {
			ServiceUsage.Sample after = usage.sample();
			cost = String.format("; CPU: the service %d ms, this JVM (clients, broker) %d ms; the store wrote %d MB",
					(after.cpuNanos() - before.cpuNanos()) / 1_000_000, (ownCpuNanos() - ownCpu) / 1_000_000,
					(after.storeWritten() - before.storeWritten()) >> 20);
		}
		System.out.printf("broadcast %d: publish -> received by all %d streams: p50 %d ms, p99 %d ms, max %d ms%s%n",
				round, latencies.length, percentile(latencies, 50), percentile(latencies, 99),
				TimeUnit.NANOSECONDS.toMillis(latencies[latencies.length - 1]), cost);
	}

	private static long ownCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * What the service's process has used, from {@code /proc}: its CPU, and what its
	 * store writers have written (the bytes of every page each commit writes).
	 */
	private record ServiceUsage(long pid) {

		record Sample(long cpuNanos, long storeWritten) {
		}

		Sample sample() throws java.io.IOException {
			long ticks = 0;
			long written = 0;
			try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/" + this.pid + "/task"))) {
				for (Path task : tasks.toList()) {
					try {
						String stat = Files.readString(task.resolve("stat"));
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
						if (Files.readString(task.resolve("comm")).startsWith("store-writer")) {
							written += Files.readAllLines(task.resolve("io"))
								.stream()
								.filter((line) -> line.startsWith("wchar:"))
								.mapToLong((line) -> Long.parseLong(line.substring(6).strip()))
								.sum();
						}
					}
					catch (java.io.IOException | RuntimeException ex) {
						// a thread that ended meanwhile
					}
				}
			}
			// /proc counts CPU in clock ticks of 100 a second on Linux
			return new Sample(ticks * 10_000_000, written);
		}

	}

	private static void report(MeterRegistry meters, Streams streams) {
		Timer latency = meters.get("hub.notifications.delivery.latency").tag("mode", "live").timer();
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		System.out.printf("server: %d notifications written to streams, due -> written mean %.1f ms, max %.1f ms%n",
				latency.count(), latency.mean(TimeUnit.MILLISECONDS), latency.max(TimeUnit.MILLISECONDS));
		System.out.printf(
				"heap in use (service and clients) %d MB, threads %d, notifications twice or out of order %d%n",
				(runtime.totalMemory() - runtime.freeMemory()) >> 20,
				ManagementFactory.getThreadMXBean().getThreadCount(), streams.outOfOrder());
	}

	private static long percentile(long[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return TimeUnit.NANOSECONDS.toMillis(sorted[Math.max(0, index)]);
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	private static KafkaProducer<String, String> producer() {
		Properties settings = new Properties();
		settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
		settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 << 20);
		return new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
	}

}
