package hub.ameen.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 through Nginx: {@code ./hub edge} in front of the running suite, and what the
 * edge promises, seen from outside as a browser (or someone forging headers) sees it.
 */
final class EdgeScenario {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private static final Pattern ASSET = Pattern.compile("/assets/[A-Za-z0-9._-]+\\.js");

	private final Hub hub;

	private final Api gateway;

	private final String base;

	private final HttpClient https;

	private final Api edge;

	private EdgeScenario(Hub hub, Api gateway, HttpClient https) {
		this.hub = hub;
		this.gateway = gateway;
		this.base = "https://localhost:" + hub.port("edge-https");
		this.https = https;
		this.edge = new Api(this.base, https);
	}

	/**
	 * Starts the edge; the web app's build when the checkout has one, else a stand-in
	 * with the same shape (an index.html loading a hashed script).
	 */
	static EdgeScenario start(Hub hub, Api gateway, Path temp) throws Exception {
		for (String tool : List.of("/usr/sbin/nginx", "/usr/bin/openssl")) {
			if (!Files.isExecutable(Path.of(tool))) {
				String message = "\n*** the edge scenario SKIPPED: " + tool
						+ " is not installed (bash .ci/run installs it)\n";
				System.err.println(message);
				Assumptions.abort(message);
			}
		}
		if (!Files.isRegularFile(hub.root().resolve("web/dist/index.html"))) {
			hub.set("HUB_EDGE_WEB_ROOT", standInWebApp(temp.resolve("web")).toString());
		}
		Hub.Result up = hub.run(Duration.ofSeconds(60), "edge");
		assertThat(up.exitCode()).as(up.output()).isZero();
		assertThat(up.output()).contains("https://localhost:" + hub.port("edge-https"));
		Hub.Result status = hub.run(Duration.ofSeconds(30), "status");
		assertThat(status.output()).containsPattern("edge \\(nginx\\) +\\d+ +" + hub.port("edge-https") + " +UP");
		HttpClient https = HttpClient.newBuilder()
			.sslContext(trusting(hub.dataDir().resolve("edge/tls/cert.pem")))
			.connectTimeout(Duration.ofSeconds(2))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		return new EdgeScenario(hub, gateway, https);
	}

	void httpRedirectsToHttps() throws Exception {
		URI plain = URI.create("http://localhost:" + this.hub.port("edge-http") + "/api/health?probe=1");
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(plain).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isIn(301, 308);
		assertThat(response.headers().firstValue("Location")).contains(this.base + "/api/health?probe=1");
	}

	void onlyTls12And13AreAccepted() throws Exception {
		int port = this.hub.port("edge-https");
		String tls11 = handshake(port, "-tls1_1");
		assertThat(tls11).as("the client offered TLS 1.1").doesNotContain("no protocols available");
		assertThat(tls11).as("TLS 1.1 is refused").contains("Cipher is (NONE)").contains("alert protocol version");
		assertThat(handshake(port, "-tls1_2")).containsPattern("New, TLSv1\\.2, Cipher is ECDHE-");
		assertThat(handshake(port, "-tls1_3")).containsPattern("New, TLSv1\\.3, Cipher is TLS_");
	}

	void securityHeadersAreOnEveryKindOfResponse() throws Exception {
		assertSecurityHeaders(send(get("/api/auth/jwks")), 200);
		assertSecurityHeaders(send(get("/api/users/me")), 401);
		assertSecurityHeaders(send(get("/")), 200);
	}

	void jsonAndScriptsAreCompressedAndOnlyHashedAssetsAreCachedForAYear() throws Exception {
		HttpResponse<byte[]> jwks = send(get("/api/auth/jwks").header("Accept-Encoding", "gzip"));
		assertThat(jwks.statusCode()).isEqualTo(200);
		assertThat(jwks.headers().firstValue("Content-Encoding")).as("JSON is gzipped").contains("gzip");
		assertThat(Api.json.readTree(gunzip(jwks.body())).path("keys").isArray()).isTrue();

		for (String page : List.of("/", "/index.html")) {
			HttpResponse<byte[]> index = send(get(page));
			assertThat(index.statusCode()).isEqualTo(200);
			assertThat(index.headers().firstValue("Cache-Control")).as(page).contains("no-cache");
		}
		String html = new String(send(get("/")).body(), StandardCharsets.UTF_8);
		Matcher script = ASSET.matcher(html);
		assertThat(script.find()).as("index.html loads a hashed script: " + html).isTrue();
		HttpResponse<byte[]> asset = send(get(script.group()).header("Accept-Encoding", "gzip"));
		assertThat(asset.statusCode()).isEqualTo(200);
		assertThat(asset.headers().firstValue("Content-Encoding")).as("JS is gzipped").contains("gzip");
		assertThat(asset.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
		assertThat(gunzip(asset.body())).isNotEmpty();
		assertSecurityHeaders(asset, 200);
	}

	/** The edge takes 21 MB: a 20 MB file and its multipart headers. */
	void bodiesOver21MegabytesAreRefusedWith413() throws Exception {
		byte[] body = new byte[22 * 1024 * 1024];
		java.util.Arrays.fill(body, (byte) 'a');
		HttpClient http11 = HttpClient.newBuilder()
			.sslContext(trusting(this.hub.dataDir().resolve("edge/tls/cert.pem")))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/api/tasks"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<String> response = http11.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(Api.json.readTree(response.body()).path("status").asInt()).isEqualTo(413);
	}

	/**
	 * A notification created while a member's stream is open through Nginx reaches it
	 * within a second: nothing between the service and the browser holds it back.
	 */
	Duration notificationReachesAStreamThroughTheEdgeWithinASecond(String adminPassword) throws Exception {
		String admin = login("admin@hub.local", adminPassword);
		String member = login("member@hub.test", "member-initial-password");
		String memberId = this.edge.get("/api/users/me", member).json().get("id").asString();
		Api.Response ticket = this.edge.post("/api/notifications/stream-ticket", member, null);
		assertThat(ticket.status()).as(ticket.toString()).isEqualTo(200);
		URI stream = URI
			.create(this.base + "/api/notifications/stream?ticket=" + ticket.json().get("ticket").asString());
		try (SseClient client = new SseClient(this.https, stream, null, null)) {
			assertThat(client.status(TIMEOUT)).isEqualTo(200);
			Api.Response task = this.edge.post("/api/tasks", admin,
					Map.of("title", "Through the edge", "assigneeId", memberId));
			assertThat(task.status()).as(task.toString()).isEqualTo(201);
			SseClient.Event event = client.next(TIMEOUT);
			while (event != null && !"task.assigned".equals(event.data().path("type").asString())) {
				event = client.next(TIMEOUT);
			}
			assertThat(event).as("the task.assigned notification on the stream through Nginx").isNotNull();
			Instant created = Instant.parse(event.data().get("createdAt").asString());
			Duration delay = Duration.between(created, event.receivedAt());
			assertThat(delay).as("created -> received through Nginx").isLessThan(Duration.ofSeconds(1));
			return delay;
		}
	}

	/**
	 * Once this machine's address is over auth-service's sign-in limit (reached directly
	 * at the gateway), a sign-in through Nginx with a made-up X-Forwarded-For is limited
	 * too: Nginx passes on the connection's address, not the client's claim.
	 */
	void aClientsForwardedForDoesNotChooseTheAddressUpstream() throws Exception {
		int status = 0;
		for (int i = 0; i < 40 && status != 429; i++) {
			status = this.gateway.post("/api/auth/login", null, wrongLogin("direct-" + i)).status();
		}
		assertThat(status).as("this address over the sign-in limit, directly at the gateway").isEqualTo(429);
		long limitedByEdge = signInsLimitedByTheEdge();
		HttpResponse<byte[]> spoofed = send(signIn("spoofed", "203.0.113.77"));
		assertThat(signInsLimitedByTheEdge()).as("the edge let this one through").isEqualTo(limitedByEdge);
		assertThat(spoofed.statusCode())
			.as("limited upstream by the real address: " + new String(spoofed.body(), StandardCharsets.UTF_8))
			.isEqualTo(429);
	}

	/**
	 * A burst of sign-ins, each claiming another address in X-Forwarded-For, is limited
	 * by Nginx itself (its zone keys on the connection's address) with 429, Retry-After
	 * and a problem detail.
	 */
	void aSignInBurstIsLimitedByTheEdgeWhateverForwardedForSays() throws Exception {
		long before = signInsLimitedByTheEdge();
		HttpResponse<byte[]> last = null;
		for (int i = 1; i <= 20 && signInsLimitedByTheEdge() == before; i++) {
			last = send(signIn("burst-" + i, "198.51.100." + i));
		}
		assertThat(signInsLimitedByTheEdge()).as("Nginx's sign-in zone limited the burst").isGreaterThan(before);
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
				(seconds) -> assertThat(Integer.parseInt(seconds)).as("Retry-After seconds").isPositive());
		assertThat(last.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(Api.json.readTree(last.body()).path("status").asInt()).isEqualTo(429);
		assertSecurityHeaders(last, 429);
	}

	private String login(String email, String password) {
		return new IdentityScenario(this.edge).login(email, password).json().get("accessToken").asString();
	}

	private static Map<String, String> wrongLogin(String who) {
		return Map.of("email", who + "@edge.test", "password", "not-the-password-" + who);
	}

	private HttpRequest.Builder signIn(String who, String forwardedFor) {
		return HttpRequest.newBuilder(URI.create(this.base + "/api/auth/login"))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", forwardedFor)
			.POST(HttpRequest.BodyPublishers.ofString(Api.json.writeValueAsString(wrongLogin(who))));
	}

	/** Rejections by the edge's sign-in zone, as Nginx's error log records them. */
	private long signInsLimitedByTheEdge() throws IOException {
		Path log = this.hub.logDir().resolve("nginx/error.log");
		if (!Files.exists(log)) {
			return 0;
		}
		try (var lines = Files.lines(log)) {
			return lines.filter((line) -> line.contains("limiting requests") && line.contains("zone \"hub_login\""))
				.count();
		}
	}

	private static void assertSecurityHeaders(HttpResponse<?> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		String where = response.request().method() + " " + response.uri() + " (" + status + ")";
		Map<String, String> expected = Map.of("Strict-Transport-Security", "max-age=63072000", "X-Content-Type-Options",
				"nosniff", "X-Frame-Options", "DENY", "Referrer-Policy", "strict-origin-when-cross-origin",
				"Permissions-Policy", "camera=()", "Content-Security-Policy", "default-src 'self'");
		expected.forEach((name, value) -> assertThat(response.headers().allValues(name)).as(name + " once on " + where)
			.singleElement()
			.asString()
			.contains(value));
		String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("script-src 'self';", "connect-src 'self'", "frame-ancestors 'none'")
			.doesNotContain("unsafe-eval")
			.doesNotContainPattern("script-src[^;]*unsafe-inline");
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).timeout(TIMEOUT).GET();
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
		return this.https.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String gunzip(byte[] body) throws IOException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * `openssl s_client` offering one protocol version (older ones allowed client-side).
	 */
	private static String handshake(int port, String version) throws Exception {
		Process process = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-servername",
				"localhost", version, "-cipher", "DEFAULT:@SECLEVEL=0")
			.redirectErrorStream(true)
			.start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("openssl s_client " + version + " ended").isTrue();
		return output;
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

	/** What Vite's build gives: an index.html that loads a hashed script. */
	private static Path standInWebApp(Path root) {
		try {
			Files.createDirectories(root.resolve("assets"));
			Files.writeString(root.resolve("index.html"), """
					<!doctype html>
					<html lang="en"><head><meta charset="utf-8"><title>Ameen Hub</title>
					<script type="module" crossorigin src="/assets/index-5f3c2a9b.js"></script>
					</head><body><div id="root"></div></body></html>
					""");
			Files.writeString(root.resolve("assets/index-5f3c2a9b.js"),
					"export const greeting = 'Ameen Hub';\n".repeat(64));
			return root;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
