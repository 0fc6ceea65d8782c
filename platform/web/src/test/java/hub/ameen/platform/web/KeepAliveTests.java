package hub.ameen.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept-alive connection keeps being read after a request that arrived while the one
 * before it was still finishing was answered at once (as the gateway's pool sends them:
 * the next request as soon as the last response is in). Reactor Netty 1.3.6 stops reading
 * such a connection (reactor/reactor-netty#4361), so every later request on it waited for
 * ever.
 */
@SpringBootTest(classes = KeepAliveTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class KeepAliveTests {

	@LocalServerPort
	int port;

	@Test
	void aRequestAfterAnAnswerGivenWhileThePreviousOneFinishedIsStillServed() throws Exception {
		for (int round = 0; round < 5; round++) {
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
				socket.setSoTimeout((int) Duration.ofSeconds(5).toMillis());
				OutputStream out = socket.getOutputStream();
				InputStream in = socket.getInputStream();
				// the second request arrives before the first one's answer is complete
				out.write((get("/slow") + get("/fast")).getBytes(StandardCharsets.US_ASCII));
				out.flush();
				assertThat(readResponse(in)).as("the slow answer").contains("slow");
				assertThat(readResponse(in)).as("the fast answer").contains("fast");
				out.write(get("/fast").getBytes(StandardCharsets.US_ASCII));
				out.flush();
				long start = System.nanoTime();
				String third;
				try {
					third = readResponse(in);
				}
				catch (SocketTimeoutException ex) {
					third = "no answer within 5 s";
				}
				assertThat(third).as("the third request on the connection, round " + round).contains("fast");
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
			}
		}
	}

	private static String get(String path) {
		return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
	}

	/** One response with a Content-Length body, as text. */
	private static String readResponse(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("closed after: " + head);
			}
			head.append((char) b);
		}
		int length = head.toString()
			.lines()
			.filter((line) -> line.toLowerCase().startsWith("content-length:"))
			.map((line) -> Integer.parseInt(line.substring(15).trim()))
			.findFirst()
			.orElse(0);
		return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Endpoints.class)
	static class App {

	}

	@RestController
	static class Endpoints {

		@GetMapping("/slow")
		Mono<String> slow() {
			return Mono.delay(Duration.ofMillis(50)).thenReturn("slow");
		}

		@GetMapping("/fast")
		String fast() {
			return "fast";
		}

	}

}
