package hub.ameen.platform.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that goes away in the middle of its request body (a closed browser tab during
 * an upload, a dropped connection) is nobody's error: the service logs no error and no
 * stack trace for it, on a real server, and keeps serving.
 */
@SpringBootTest(classes = ClientGoneTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ClientGoneTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	/**
	 * How long after its body ended an error about the request had to show (~5 ms seen).
	 * A wait, not an awaited event: what is asserted is that no line comes, and after a
	 * reset the error handler is not always called at all, so nothing later can be
	 * awaited.
	 */
	private static final Duration AFTERWARDS = Duration.ofSeconds(1);

	private static final String MULTIPART = "multipart/form-data; boundary=b";

	/** An upload's body up to its file's first byte. */
	private static final String FILE_PART_HEAD = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
			+ "Content-Type: application/octet-stream\r\n\r\n";

	static final BlockingQueue<SignalType> ENDED = new LinkedBlockingQueue<>();

	@LocalServerPort
	int port;

	@BeforeEach
	void clear() {
		ENDED.clear();
		App.READING.clear();
	}

	@Test
	void anUploadWhoseClientClosesMidBodyLogsNoError(CapturedOutput output) throws Exception {
		goAwayMidBody("/test/parts", MULTIPART, FILE_PART_HEAD, false);
		assertNothingLogged(output);
	}

	@Test
	void anUploadWhoseConnectionIsResetMidBodyLogsNoError(CapturedOutput output) throws Exception {
		goAwayMidBody("/test/parts", MULTIPART, FILE_PART_HEAD, true);
		assertNothingLogged(output);
	}

	@Test
	void aStreamedBodyWhoseClientClosesMidBodyLogsNoError(CapturedOutput output) throws Exception {
		goAwayMidBody("/test/bytes", "application/octet-stream", "", false);
		assertNothingLogged(output);
	}

	@Test
	void anyOtherErrorReactorDropsIsStillLoggedAsAnError(CapturedOutput output) {
		Operators.onErrorDropped(new IllegalStateException("a late failure of our own"), Context.empty());
		Operators.onErrorDropped(new IOException("Connection reset by peer"), Context.empty());
		assertThat(output.getAll()).contains("ERROR")
			.contains("An error arrived after its sequence had ended")
			.contains("a late failure of our own")
			.doesNotContain("Connection reset by peer");
	}

	@Test
	void aCallOfTheServicesOwnThatWasResetIsA500ForAClientStillThere(CapturedOutput output) {
		WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(WAIT)
			.build()
			.get()
			.uri("/test/remote-reset")
			.exchange()
			.expectStatus()
			.isEqualTo(500)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.INTERNAL.toString());
		assertThat(output.getOut()).contains("GET /test/remote-reset failed unexpectedly");
	}

	@Test
	void aFailureOfTheServiceItselfIsStillLoggedAsOne(CapturedOutput output) {
		WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(WAIT)
			.build()
			.post()
			.uri("/test/failing")
			.bodyValue("x")
			.exchange()
			.expectStatus()
			.is5xxServerError()
			.expectBody(Void.class);
		assertThat(output.getOut()).contains("POST /test/failing failed unexpectedly");
	}

	/**
	 * Sends a request that announces a megabyte, sends 64 KB of it, waits until the
	 * handler is reading, and goes away: a FIN, or a reset when {@code reset}.
	 */
	private void goAwayMidBody(String path, String contentType, String bodyHead, boolean reset) throws Exception {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
					+ "\r\nContent-Length: 1000000\r\n\r\n" + bodyHead)
				.getBytes(StandardCharsets.US_ASCII));
			out.write(new byte[64 * 1024]);
			out.flush();
			assertThat(App.READING.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the handler reads the body")
				.isNotNull();
			if (reset) {
				socket.setSoLinger(true, 0);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("the request could not even be sent", ex);
		}
		assertThat(ENDED.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the handler sees the body end").isNotNull();
		Thread.sleep(AFTERWARDS.toMillis());
	}

	private void assertNothingLogged(CapturedOutput output) {
		assertThat(output.getAll()).doesNotContain(" ERROR ")
			.doesNotContain("onErrorDropped")
			.doesNotContain("failed unexpectedly")
			.doesNotContain("AbortedException");
		// and the service still serves
		WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(WAIT)
			.build()
			.post()
			.uri("/test/bytes")
			.bodyValue("four")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("4");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Uploads.class)
	static class App {

		static final BlockingQueue<Boolean> READING = new LinkedBlockingQueue<>();

	}

	@RestController
	static class Uploads {

		/**
		 * Reads a multipart body as an upload does, its bytes counted off the event loop.
		 */
		@PostMapping("/test/parts")
		Mono<String> parts(@RequestBody Flux<PartEvent> parts) {
			return count(parts.map(PartEvent::content)).publishOn(Schedulers.boundedElastic());
		}

		@PostMapping("/test/bytes")
		Mono<String> bytes(@RequestBody Flux<DataBuffer> body) {
			return count(body);
		}

		/** What a call to another service that was reset looks like. */
		@GetMapping("/test/remote-reset")
		Mono<String> remoteReset() {
			return Mono.error(new IOException("Connection reset by peer"));
		}

		@PostMapping("/test/failing")
		Mono<String> failing(@RequestBody Flux<DataBuffer> body) {
			return count(body).then(Mono.error(new IllegalStateException("the service's own fault")));
		}

		private static Mono<String> count(Flux<DataBuffer> body) {
			return body.doOnNext((buffer) -> App.READING.offer(true)).map((buffer) -> {
				int length = buffer.readableByteCount();
				DataBufferUtils.release(buffer);
				return length;
			}).reduce(0, Integer::sum).map(String::valueOf).doFinally(ENDED::offer);
		}

	}

}
