package hub.ameen.gateway;

import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.test.kafka.UsesKafka;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import hub.ameen.platform.web.ServerChannels;
import io.netty.channel.EventLoop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A proxied call goes out on a connection of the event loop that read it: the gateway
 * notes each call's server loop in its Reactor context, and its client, as it sends the
 * call on, compares it with the loop of the connection it was lent.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@UsesTestTokens
@UsesKafka
@Import(LoopLocalConnectionsTests.Recording.class)
class LoopLocalConnectionsTests {

	static final Upstream service = Upstream.start("service");

	@LocalServerPort
	int port;

	@Autowired
	Recording recording;

	final String bearer = TestTokens.shared().bearer("loop-user", Permissions.CRM_READ);

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		GatewayTests.SERVICES.forEach((name) -> registry.add("hub.gateway.services." + name, service::url));
	}

	@AfterAll
	static void stop() {
		service.close();
	}

	@Test
	void aProxiedCallGoesOutOnAConnectionOfTheLoopThatReadIt() {
		// one call at a time, each on a new connection to the gateway, which hands its
		// connections to its loops in turn: each call is read on another loop than the
		// last, while the pool holds a connection made by an earlier one
		HttpClient oneConnectionACall = HttpClient.newConnection();
		for (int i = 0; i < 24; i++) {
			assertThat(call(oneConnectionACall).block(Duration.ofSeconds(20))).isEqualTo(200);
		}
		// and many at once, over sixteen connections that stay open
		HttpClient pooled = HttpClient.create();
		assertThat(Flux.range(0, 200).flatMap((i) -> call(pooled), 16).collectList().block(Duration.ofSeconds(60)))
			.hasSize(200)
			.containsOnly(200);

		assertThat(this.recording.calls).hasValue(224);
		assertThat(this.recording.serverLoops).as("calls were read on several loops").hasSizeGreaterThan(1);
		assertThat(this.recording.elsewhere).as("calls sent on a connection of another loop").isEmpty();
	}

	private Mono<Integer> call(HttpClient client) {
		return client.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION, this.bearer))
			.get()
			.uri("http://127.0.0.1:" + this.port + "/api/crm/contacts/c-1")
			.responseSingle((response, body) -> body.then(Mono.just(response.status().code())));
	}

	/** Notes each call's server loop, and what its client did with it. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Recording {

		private static final String SERVER_LOOP = "test.server-loop";

		final AtomicInteger calls = new AtomicInteger();

		final Set<EventLoop> serverLoops = ConcurrentHashMap.newKeySet();

		/** Calls sent on a connection of another loop than the one that read them. */
		final Queue<String> elsewhere = new ConcurrentLinkedQueue<>();

		@Bean
		GlobalFilter serverLoopInContext() {
			class ServerLoop implements GlobalFilter, Ordered {

				@Override
				public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
					EventLoop loop = ServerChannels.of(exchange.getRequest()).eventLoop();
					Recording.this.serverLoops.add(loop);
					return chain.filter(exchange).contextWrite((context) -> context.put(SERVER_LOOP, loop));
				}

				@Override
				public int getOrder() {
					return Ordered.HIGHEST_PRECEDENCE;
				}

			}
			return new ServerLoop();
		}

		@Bean
		HttpClientCustomizer clientLoopChecked() {
			return (client) -> client.doOnRequest((request, connection) -> {
				this.calls.incrementAndGet();
				EventLoop serverLoop = request.currentContextView().get(SERVER_LOOP);
				EventLoop clientLoop = connection.channel().eventLoop();
				if (serverLoop != clientLoop) {
					this.elsewhere.add("read on " + named(serverLoop) + ", sent on " + named(clientLoop));
				}
			});
		}

		private static String named(EventLoop loop) {
			return "loop@" + Integer.toHexString(System.identityHashCode(loop));
		}

	}

}
