package hub.ameen.crm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;

import hub.ameen.crm.CrmServiceApplication;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.platform.test.security.TestTokens;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;

import static org.awaitility.Awaitility.await;

/**
 * Loads {@code companies} companies and {@code contacts} contacts into a crm-service
 * through its CSV import, then times reads over HTTP and prints each read's p50 and p99
 * as a ratio of a plain get by id measured in the same run, and the import's rows per
 * second. Everything runs in this JVM: a real Kafka broker (the outbox relay publishes
 * every event), the service on a free port with LMDB in a temporary directory, and the
 * client.
 * <p>
 * Arguments: {@code [contacts=100000] [companies=10000] [samples=2000]}.
 */
public final class CrmBenchmark {

	private static final String[] FIRST = { "Layla", "Omar", "Sara", "Faisal", "Nadia", "Khalid", "Huda", "Yousef",
			"Rana", "Tariq", "Mona", "Ziad", "Dana", "Hassan", "Lina", "Majed", "Noura", "Sami", "Aisha", "Bilal" };

	private static final String[] LAST = { "Haddad", "Qasim", "Saleh", "Nasser", "Aziz", "Farouk", "Hamdan", "Jaber",
			"Khoury", "Mansour", "Otaibi", "Rahman", "Shami", "Tamimi", "Yasin", "Zahrani", "Barakat", "Daher",
			"Ghanem", "Issa" };

	private CrmBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int contacts = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		int companies = (args.length > 1) ? Integer.parseInt(args[1]) : 10_000;
		int samples = (args.length > 2) ? Integer.parseInt(args[2]) : 2000;
		Path data = Files.createTempDirectory("crm-bench-");
		ConfigurableApplicationContext service = new SpringApplication(CrmServiceApplication.class).run(
				"--server.port=0", "--hub.store.path=" + data,
				"--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
				"--hub.security.jwks-uri=" + TestTokens.shared().jwksUri(), "--logging.level.root=WARN",
				"--spring.main.banner-mode=off");
		try {
			int port = ((WebServerApplicationContext) service).getWebServer().getPort();
			new Run(port, new Random(42), service.getBean(Outbox.class)).go(contacts, companies, samples);
		}
		finally {
			service.close();
			FileSystemUtils.deleteRecursively(data);
		}
		System.exit(0);
	}

	private static final class Run {

		private final WebClient client;

		private final Random random;

		private final Outbox outbox;

		private final String bearer = TestTokens.shared().bearer("bench", Permissions.all().toArray(String[]::new));

		Run(int port, Random random, Outbox outbox) {
			this.outbox = outbox;
			this.client = WebClient.builder()
				.baseUrl("http://localhost:" + port)
				.exchangeStrategies(ExchangeStrategies.builder()
					.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
					.build())
				.defaultHeader(HttpHeaders.AUTHORIZATION, this.bearer)
				.build();
			this.random = random;
		}

		void go(int contacts, int companies, int samples) {
			System.out.printf("crm-service: %,d contacts across %,d companies; %,d samples per read%n", contacts,
					companies, samples);
			StringBuilder companyCsv = new StringBuilder("name,domain,industry,tags\n");
			for (int i = 0; i < companies; i++) {
				companyCsv.append(LAST[i % LAST.length])
					.append(" Trading ")
					.append(i)
					.append(",company")
					.append(i)
					.append(".example,Retail,bench\n");
			}
			importCsv("companies", companyCsv.toString(), companies);
			List<String> companyIds = ids("/api/crm/companies?tag=bench");
			StringBuilder contactCsv = new StringBuilder("firstName,lastName,email,phone,companyId,tags\n");
			for (int i = 0; i < contacts; i++) {
				String first = FIRST[this.random.nextInt(FIRST.length)];
				String last = LAST[this.random.nextInt(LAST.length)];
				contactCsv.append(first)
					.append(',')
					.append(last)
					.append(',')
					.append(first.toLowerCase(Locale.ROOT))
					.append('.')
					.append(i)
					.append("@example.com,+966 5")
					.append(i)
					.append(',')
					.append(companyIds.get(i % companyIds.size()))
					.append(",bench\n");
			}
			double rowsPerSecond = importCsv("contacts", contactCsv.toString(), contacts);
			List<String> contactIds = ids("/api/crm/contacts?tag=bench&sort=createdAt");

			long relaying = System.nanoTime();
			long backlog = this.outbox.backlog();
			await().atMost(Duration.ofMinutes(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> this.outbox.backlog() == 0);
			System.out.printf("the outbox relay published the last %,d events to Kafka in %.1f s%n", backlog,
					(System.nanoTime() - relaying) / 1e9);

			reads(contactIds, companyIds, contacts, samples, false);
			reads(contactIds, companyIds, contacts, samples, true);
			System.out.printf("import: %,.0f rows/s (%,d contacts)%n", rowsPerSecond, contacts);
		}

		/** Times every read; the first pass only warms the JIT and is not printed. */
		private void reads(List<String> contactIds, List<String> companyIds, int contacts, int samples, boolean print) {
			IntFunction<String> anyContact = (i) -> "/api/crm/contacts/"
					+ contactIds.get(this.random.nextInt(contactIds.size()));
			long[] byId = time(samples, anyContact);
			report(print, "get by id", byId, byId);
			report(print, "list, newest first, 50", time(samples, (i) -> "/api/crm/contacts?limit=50"), byId);
			report(print, "list by company, 50", time(samples, (i) -> "/api/crm/contacts?limit=50&companyId="
					+ companyIds.get(this.random.nextInt(companyIds.size()))), byId);
			report(print, "list sorted by name, 50", time(samples, (i) -> "/api/crm/contacts?limit=50&sort=name"),
					byId);
			report(print, "search q=<3 letters>, 50", time(samples,
					(i) -> "/api/crm/contacts?limit=50&q=" + prefix(FIRST[this.random.nextInt(FIRST.length)], 3)),
					byId);
			report(print, "search q=<email prefix>, 50",
					time(samples,
							(i) -> "/api/crm/contacts?limit=50&q="
									+ FIRST[this.random.nextInt(FIRST.length)].toLowerCase(Locale.ROOT) + "."
									+ this.random.nextInt(contacts)),
					byId);
			report(print, "companies search q=<4 letters>, 50", time(samples,
					(i) -> "/api/crm/companies?limit=50&q=" + prefix(LAST[this.random.nextInt(LAST.length)], 4)), byId);
			report(print, "get by id (again, at the end)", time(samples, anyContact), byId);
		}

		private double importCsv(String entity, String csv, int rows) {
			long started = System.nanoTime();
			JsonNode job = this.client.post()
				.uri("/api/crm/imports?entity=" + entity + "&mode=create")
				.contentType(MediaType.parseMediaType("text/csv"))
				.bodyValue(csv)
				.retrieve()
				.bodyToMono(JsonNode.class)
				.block();
			String path = "/api/crm/imports/" + job.get("id").asString();
			JsonNode now = await().atMost(Duration.ofMinutes(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> get(path), (state) -> !state.get("status").asString().equals("running"));
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("imported %s: %s, %,d created, %,d failed in %.1f s (%,.0f rows/s)%n", entity,
					now.get("status").asString(), now.get("created").asLong(), now.get("failed").asLong(), seconds,
					rows / seconds);
			now.get("errors").valueStream().limit(3).forEach((error) -> System.out.println("  e.g. " + error));
			return rows / seconds;
		}

		private List<String> ids(String path) {
			List<String> ids = new ArrayList<>();
			String cursor = null;
			do {
				String separator = path.contains("?") ? "&" : "?";
				JsonNode page = get(path + separator + "limit=200" + ((cursor != null) ? "&cursor=" + cursor : ""));
				page.get("items").forEach((item) -> ids.add(item.get("id").asString()));
				cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			}
			while (cursor != null && ids.size() < 20_000);
			return ids;
		}

		/** Warms up with a tenth of the samples, then times each call in nanoseconds. */
		private long[] time(int samples, IntFunction<String> path) {
			for (int i = 0; i < samples / 10; i++) {
				get(path.apply(i));
			}
			long[] nanos = new long[samples];
			for (int i = 0; i < samples; i++) {
				String uri = path.apply(i);
				long started = System.nanoTime();
				get(uri);
				nanos[i] = System.nanoTime() - started;
			}
			Arrays.sort(nanos);
			return nanos;
		}

		private JsonNode get(String path) {
			return this.client.get().uri(path).retrieve().bodyToMono(JsonNode.class).block();
		}

		private static void report(boolean print, String what, long[] sorted, long[] byId) {
			if (!print) {
				return;
			}
			System.out.printf("%-36s p50 %7.2f ms (%5.1fx get by id)   p99 %7.2f ms (%5.1fx)%n", what,
					p(sorted, 50) / 1e6, (double) p(sorted, 50) / p(byId, 50), p(sorted, 99) / 1e6,
					(double) p(sorted, 99) / p(byId, 99));
		}

		private static long p(long[] sorted, int percentile) {
			return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
		}

		private static String prefix(String name, int length) {
			return name.substring(0, Math.min(length, name.length())).toLowerCase(Locale.ROOT);
		}

	}

}
