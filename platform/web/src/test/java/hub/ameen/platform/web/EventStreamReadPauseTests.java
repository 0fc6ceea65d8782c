package hub.ameen.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.Channel;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection that carries an event stream is not asked to read while the stream lasts
 * (the gateway relays one per open browser), and is again once it has ended, so the next
 * request on it is served; a connection that carries other responses keeps being asked.
 */
@SpringBootTest(classes = EventStreamReadPauseTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class EventStreamReadPauseTests {

	static final AtomicReference<Channel> served = new AtomicReference<>();

	static final Sinks.Many<String> events = Sinks.many().unicast().onBackpressureBuffer();

	@LocalServerPort
	int port;

	@Test
	void aConnectionIsNotAskedToReadWhileItCarriesAnEventStreamAndIsAgainOnceItEnds() throws Exception {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();

			out.write(get("/plain").getBytes(StandardCharsets.US_ASCII));
			assertThat(readUntil(in, "plain")).contains("200 OK");
			Channel channel = served.get();
			assertThat(ReadRearmingCustomizer.rearming(channel)).as("after a plain response").isTrue();

			out.write(get("/events").getBytes(StandardCharsets.US_ASCII));
			events.tryEmitNext("first");
			assertThat(readUntil(in, "data:first")).contains("text/event-stream");
			assertThat(served.get()).isSameAs(channel);
			assertThat(ReadRearmingCustomizer.rearming(channel)).as("while the stream is open").isFalse();

			events.tryEmitComplete();
			readUntil(in, "0\r\n\r\n");
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(ReadRearmingCustomizer.rearming(channel)).as("once it ended").isTrue());

			out.write(get("/plain").getBytes(StandardCharsets.US_ASCII));
			assertThat(readUntil(in, "plain")).as("the next request on the connection").contains("200 OK");
		}
	}

	private static String get(String path) {
		return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
	}

	private static String readUntil(InputStream in, String end) throws IOException {
		StringBuilder read = new StringBuilder();
		while (read.indexOf(end) < 0) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("closed after: " + read);
			}
			read.append((char) b);
		}
		return read.toString();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Endpoints.class)
	static class App {

	}

	@RestController
	static class Endpoints {

		@GetMapping("/plain")
		Mono<String> plain(ServerWebExchange exchange) {
			served.set(channelOf(exchange));
			return Mono.just("plain");
		}

		@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		Flux<String> events(ServerWebExchange exchange) {
			served.set(channelOf(exchange));
			return events.asFlux();
		}

		private static Channel channelOf(ServerWebExchange exchange) {
			return ((Connection) ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest())).channel();
		}

	}

}
