package hub.ameen.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under concurrent load on kept-alive connections, with slow upstream calls pending and
 * requests the firewall refuses mixed in, every request gets an answer within its
 * timeout.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.gateway.server.webflux.httpclient.response-timeout=3s", "management.server.port=0",
				TestTokens.WITHOUT_REVOCATIONS })
@UsesTestTokens
class EveryRequestEndsTests {

	static final Upstream upstream = Upstream.start("all");

	/** Odd, slow and plain requests, as the fuzzer mixed them. */
	static final List<String> PATHS = List.of("/api//tasks", "/api/tasks/..%2F..%2Fetc%2Fpasswd", "/api/scheduler/slow",
			"/api/crm/contacts", "/api/tasks/%2e%2e/x", "/api/crm//contacts?limit=1", "/api/tasks/t-1;jsessionid=1",
			"/api/crm/contacts");

	@LocalServerPort
	int port;

	String bearer = TestTokens.shared().bearer("user-1", Permissions.CRM_READ);

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		GatewayTests.SERVICES.forEach((name) -> registry.add("hub.gateway.services." + name, upstream::url));
	}

	@AfterAll
	static void stop() {
		upstream.close();
	}

	@Test
	void everyRequestOnKeptAliveConnectionsIsAnsweredWhileSlowCallsArePending() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(8);
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(executor)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		try {
			// once each, so that the burst below does not measure class loading
			for (String path : PATHS) {
				call(http, "GET", path, true).get(60, TimeUnit.SECONDS);
			}
			List<CompletableFuture<String>> calls = new ArrayList<>();
			for (int round = 0; round < 10; round++) {
				for (String path : PATHS) {
					calls.add(call(http, "GET", path, round % 2 == 0));
				}
				calls.add(call(http, "TRACE", "/api/crm/contacts", true));
				calls.add(call(http, "POST", "/api//tasks", true));
			}
			CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
			List<String> unanswered = calls.stream()
				.map(CompletableFuture::join)
				.filter((outcome) -> outcome.startsWith("NO ANSWER"))
				.collect(Collectors.toList());
			assertThat(unanswered).as("of %d requests", calls.size()).isEmpty();
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * The status, or {@code NO ANSWER} when nothing came within 60 s: the slowest answer
	 * is bounded by the response timeout (3 s here), the pool's acquire timeout (5 s) and
	 * the connect timeout (2 s); the rest is slack for a loaded, shared machine (one JVM
	 * plays client, gateway and upstream here).
	 */
	private CompletableFuture<String> call(HttpClient http, String method, String path, boolean authorized) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}")
					: HttpRequest.BodyPublishers.noBody());
		if (authorized) {
			request.header("Authorization", this.bearer);
		}
		return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
			.handle((response, failure) -> (response != null) ? method + " " + path + " " + response.statusCode()
					: "NO ANSWER " + method + " " + path + ": " + failure);
	}

}
