package hub.ameen.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import hub.ameen.gateway.ratelimit.HazelcastRateLimitBuckets;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.test.ListenPorts;
import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.web.ratelimit.LocalRateLimitBuckets;
import hub.ameen.platform.web.ratelimit.RateLimitBuckets;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateways in this JVM, ten API calls per user per hour, a user's calls alternating
 * between them: with the Hazelcast store they count together (the 11th is refused
 * whichever gateway takes it); with local buckets each gateway allows its own ten, which
 * is what the first test would see if the store were not shared.
 */
class SharedRateLimitTests {

	static final Upstream upstream = Upstream.start("any");

	@AfterAll
	static void stop() {
		upstream.close();
	}

	@Test
	void aUsersCallsOverTwoGatewaysAreRefusedAtTheSharedLimitAndAGatewayWhoseMemberLeftKeepsServing() {
		int[] ports = { ListenPorts.next(0), ListenPorts.next(0) };
		String cluster = "rate-limit-test-" + UUID.randomUUID();
		long started = System.nanoTime();
		try (ConfigurableApplicationContext a = gateway(hazelcast(cluster, ports[0], ports[1]));
				ConfigurableApplicationContext b = gateway(hazelcast(cluster, ports[1], ports[0]))) {
			awaitMembers(a, 2);
			System.out.printf("two gateways with a shared store started in %d ms%n",
					Duration.ofNanos(System.nanoTime() - started).toMillis());
			List<WebTestClient> gateways = List.of(client(a), client(b));
			String alice = TestTokens.shared().bearer("shared-alice", Permissions.CRM_READ);
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				statuses.add(call(gateways.get(i % 2), alice));
			}
			assertThat(statuses.subList(0, 10)).containsOnly(200);
			// the 11th on gateway a, the 12th on gateway b
			assertThat(statuses.subList(10, 12)).containsOnly(429);
			assertThat(a.getBean(RateLimitBuckets.class)).isNotInstanceOf(LocalRateLimitBuckets.class);

			// b's member leaves: a still holds alice's bucket (its backup), b keeps
			// serving
			// from its own memory and counts the failure
			member(b).shutdown();
			assertThat(call(gateways.get(0), alice)).isEqualTo(429);
			assertThat(call(gateways.get(1), alice)).isEqualTo(200);
			assertThat(b.getBean(MeterRegistry.class).counter("hub.gateway.rate.limit.store.failures").count())
				.isGreaterThanOrEqualTo(1);
		}
		assertThat(Hazelcast.getAllHazelcastInstances()).isEmpty();
	}

	@Test
	void withLocalBucketsEachGatewayAllowsItsOwnLimitAndNoHazelcastStarts() {
		Map<String, Object> local = Map.of("hub.gateway.rate-limit-store.type", "local");
		try (ConfigurableApplicationContext a = gateway(local); ConfigurableApplicationContext b = gateway(local)) {
			assertThat(a.getBean(RateLimitBuckets.class)).isInstanceOf(LocalRateLimitBuckets.class);
			assertThat(Hazelcast.getAllHazelcastInstances()).isEmpty();
			List<WebTestClient> gateways = List.of(client(a), client(b));
			String alice = TestTokens.shared().bearer("local-alice", Permissions.CRM_READ);
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < 22; i++) {
				statuses.add(call(gateways.get(i % 2), alice));
			}
			assertThat(statuses.subList(0, 20)).containsOnly(200);
			assertThat(statuses.subList(20, 22)).containsOnly(429);
		}
	}

	private static Map<String, Object> hazelcast(String cluster, int port, int other) {
		return Map.of("hub.gateway.rate-limit-store.type", "hazelcast", "hub.gateway.rate-limit-store.cluster-name",
				cluster, "hub.gateway.rate-limit-store.port", port, "hub.gateway.rate-limit-store.address", "127.0.0.1",
				"hub.gateway.rate-limit-store.members", "127.0.0.1:" + other);
	}

	private static ConfigurableApplicationContext gateway(Map<String, Object> store) {
		Map<String, Object> properties = new HashMap<>(store);
		properties.put("server.port", 0);
		properties.put("management.server.port", 0);
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.com.hazelcast", "WARN");
		properties.put("spring.kafka.bootstrap-servers", SharedKafka.bootstrapServers());
		properties.put(TestTokens.JWKS_URI_PROPERTY, TestTokens.shared().jwksUri());
		properties.put("hub.gateway.rate-limits.api-per-user.capacity", 10);
		properties.put("hub.gateway.rate-limits.api-per-user.window", "1h");
		GatewayTests.SERVICES.forEach((name) -> properties.put("hub.gateway.services." + name, upstream.url()));
		// as arguments, above application.yml (default properties would lose to it)
		String[] arguments = properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(GatewayApplication.class).run(arguments);
	}

	private static void awaitMembers(ConfigurableApplicationContext gateway, int members) {
		HazelcastInstance member = member(gateway);
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(member.getCluster().getMembers()).hasSize(members));
	}

	/** The gateway's embedded member, which its buckets own. */
	private static HazelcastInstance member(ConfigurableApplicationContext gateway) {
		return ((HazelcastRateLimitBuckets) gateway.getBean(RateLimitBuckets.class)).member();
	}

	private static int call(WebTestClient gateway, String bearer) {
		return gateway.get()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	private static WebTestClient client(ConfigurableApplicationContext gateway) {
		int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

}
