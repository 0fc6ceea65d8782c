package hub.ameen.platform.test.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client against a real server that writes a stream in the pieces the test chooses.
 */
class SseClientTests {

	private final Sinks.Many<String> frames = Sinks.many().unicast().onBackpressureBuffer();

	private DisposableServer server;

	@BeforeEach
	void serve() {
		this.server = HttpServer.create()
			.host("localhost")
			.port(0)
			.route((routes) -> routes.get("/stream",
					(request, response) -> response.header("Content-Type", "text/event-stream")
						.sendString(Flux.concat(Flux.just(":connected\n\n"), this.frames.asFlux()),
								StandardCharsets.UTF_8)))
			.bindNow();
	}

	@AfterEach
	void stop() {
		this.server.disposeNow();
	}

	@Test
	void readsFieldsAsTheSpecSaysInArrivalOrder() {
		try (SseClient client = SseClient.connect(this.server.port(), "/stream", Map.of())) {
			assertThat(client.notifications()).isEmpty();
			send("id: 1\nevent: notification\ndata: {\"n\":1}\n\n");
			// no space after the colon; two spaces keep one; data on two lines
			send("id:2\nevent:notification\ndata:  two\ndata: lines\n\n");
			// an event cut across writes, and one of another kind
			send("event: heart");
			send("beat\ndata: x\n\n");
			await().atMost(Duration.ofSeconds(10)).until(() -> client.events().size() == 4);

			assertThat(client.notifications()).extracting(SseClient.Event::id).containsExactly("1", "2");
			assertThat(client.notifications()).extracting(SseClient.Event::data)
				.containsExactly("{\"n\":1}", " two\nlines");
			assertThat(client.events().get(3).event()).isEqualTo("heartbeat");
			assertThat(client.events().get(3).data()).isEqualTo("x");
		}
	}

	private void send(String frame) {
		assertThat(this.frames.tryEmitNext(frame).isSuccess()).isTrue();
	}

}
