package hub.ameen.notification.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The benchmark's stream reader against a real socket that writes a response a few bytes
 * at a time, so that status lines, headers, chunk sizes and event lines all arrive cut
 * across reads.
 */
class StreamReadersTests {

	private final StreamReaders readers = new StreamReaders(3);

	private ServerSocket server;

	/** Netty's own HTTP/2 server, for the streams multiplexed on its connections. */
	private DisposableServer http2;

	@AfterEach
	void close() throws IOException {
		this.readers.close();
		if (this.server != null) {
			this.server.close();
		}
		if (this.http2 != null) {
			this.http2.disposeNow();
		}
	}

	@Test
	void countsNotificationsAcrossChunksAndReadsAndNotesWhenEachCame() throws Exception {
		CompletableFuture<String> request = serve("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
				+ "Transfer-Encoding: chunked\r\n\r\n" + chunk("retry:5000\n:connected\n\n")
				+ chunk("id:7\nevent:notification\ndata:{\"title\":\"a long title, longer than the line"
						+ " buffer keeps, so that it is cut\"}\n\n")
				+ chunk(":heartbeat\n\n") + chunk("event:feed\ndata:{}\n\n")
				// an event cut across two chunks, the first with an upper-case size and
				// an
				// extension
				+ chunkWithExtension("id: 9\nevent: notification\ndat") + chunk("a: {}\n\n")
				+ chunk("id:12\nevent:notification\ndata:{}\n\n") + "0\r\n\r\n");
		long opened = System.nanoTime();
		StreamReaders.Stream stream = this.readers.open(this.server.getLocalPort(), "/stream",
				Map.of("Authorization", "Bearer t"));

		await().atMost(Duration.ofSeconds(10)).until(stream::ended);
		assertThat(request.get()).startsWith("GET /stream HTTP/1.1\r\n")
			.contains("\r\nAccept: text/event-stream\r\n", "\r\nAuthorization: Bearer t\r\n")
			.endsWith("\r\n\r\n");
		assertThat(stream.status()).isEqualTo(200);
		assertThat(stream.connected()).isTrue();
		assertThat(this.readers.reached(1)).isEqualTo(1);
		assertThat(this.readers.reached(2)).isEqualTo(1);
		assertThat(this.readers.reached(3)).isEqualTo(1);
		assertThat(stream.receivedAt(1)).isGreaterThan(opened);
		assertThat(stream.receivedAt(2)).isGreaterThan(stream.receivedAt(1));
		assertThat(stream.receivedAt(3)).isGreaterThanOrEqualTo(stream.receivedAt(2));
		assertThat(stream.outOfOrder()).isZero();
	}

	@Test
	void countsANotificationWhoseIdIsNotAboveTheOneBefore() throws Exception {
		serve("HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n" + chunk(":connected\n\n")
				+ chunk("id:5\nevent:notification\ndata:{}\n\n") + chunk("id:5\nevent:notification\ndata:{}\n\n")
				+ chunk("id:4\nevent:notification\ndata:{}\n\n"));
		StreamReaders.Stream stream = this.readers.open(this.server.getLocalPort(), "/stream", Map.of());

		await().atMost(Duration.ofSeconds(10)).until(() -> this.readers.reached(3) == 1);
		assertThat(stream.outOfOrder()).isEqualTo(2);
	}

	@Test
	void aRefusedStreamEndsWithItsStatusAndNeverConnects() throws Exception {
		// a body that would read as the greeting, were it read as a stream
		String body = "{\"status\":401}\n:connected\n\n";
		serve("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/problem+json\r\nContent-Length: " + body.length()
				+ "\r\n\r\n" + body);
		StreamReaders.Stream stream = this.readers.open(this.server.getLocalPort(), "/stream", Map.of());

		await().atMost(Duration.ofSeconds(10)).until(stream::ended);
		assertThat(stream.status()).isEqualTo(401);
		assertThat(stream.connected()).isFalse();
		assertThat(this.readers.reached(1)).isZero();
	}

	@Test
	void readsStreamsMultiplexedOnHttp2ConnectionsOfAsManyAsAsked() {
		AtomicInteger connections = new AtomicInteger();
		// Netty's HTTP/2 server: each response's events come in several DATA frames, an
		// event cut across two
		int port = serveHttp2(connections, (request, response) -> {
			if (!"Bearer t".equals(request.requestHeaders().get("authorization"))
					|| !"text/event-stream".equals(request.requestHeaders().get("accept"))) {
				return response.status(400).send();
			}
			return response.header("content-type", "text/event-stream")
				.sendString(Flux
					.just(":connected\n\n", "id:1\nevent:notification\ndata:{}\n\n", "id:2\nevent:notif",
							"ication\ndata:{}\n\n")
					.delayElements(Duration.ofMillis(5)), StandardCharsets.UTF_8);
		});
		try (StreamReaders multiplexed = new StreamReaders(2, 5)) {
			List<StreamReaders.Stream> streams = java.util.stream.IntStream.range(0, 7)
				.mapToObj((i) -> multiplexed.open(port, "/stream", Map.of("Authorization", "Bearer t")))
				.toList();
			StreamReaders.Stream missing = multiplexed.open(port, "/missing", Map.of());

			await().atMost(Duration.ofSeconds(10))
				.until(() -> missing.ended() && streams.stream().allMatch(StreamReaders.Stream::ended));
			assertThat(streams).allSatisfy((stream) -> {
				assertThat(stream.status()).isEqualTo(200);
				assertThat(stream.connected()).isTrue();
				assertThat(stream.receivedAt(2)).isGreaterThan(stream.receivedAt(1));
				assertThat(stream.outOfOrder()).isZero();
			});
			assertThat(multiplexed.reached(2)).isEqualTo(7);
			assertThat(missing.status()).isEqualTo(404);
			assertThat(missing.connected()).isFalse();
			// seven streams and one more, five a connection
			assertThat(connections).hasValue(2);
		}
	}

	@Test
	void aClosedStreamOnAnHttp2ConnectionIsCancelledAndItsNeighboursGoOn() {
		AtomicInteger cancelled = new AtomicInteger();
		int port = serveHttp2(new AtomicInteger(),
				(request, response) -> response.header("content-type", "text/event-stream")
					.sendString(Flux.concat(Flux.just(":connected\n\n"), Flux.<String>never())
						.doOnCancel(cancelled::incrementAndGet), StandardCharsets.UTF_8));
		try (StreamReaders multiplexed = new StreamReaders(1, 5)) {
			StreamReaders.Stream first = multiplexed.open(port, "/stream", Map.of());
			StreamReaders.Stream second = multiplexed.open(port, "/stream", Map.of());
			await().atMost(Duration.ofSeconds(10)).until(() -> first.connected() && second.connected());

			first.close();

			await().atMost(Duration.ofSeconds(10)).until(() -> cancelled.get() == 1);
			assertThat(first.ended()).isTrue();
			assertThat(second.ended()).isFalse();
		}
	}

	/**
	 * Starts Netty's HTTP/2 server without TLS, answering {@code GET /stream} with the
	 * handler (anything else 404), counting the connections it accepts; its port.
	 */
	private int serveHttp2(AtomicInteger connections,
			BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> stream) {
		this.http2 = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.protocol(HttpProtocol.H2C)
			.doOnChannelInit((observer, channel, address) -> connections.incrementAndGet())
			.route((routes) -> routes.get("/stream", stream))
			.bindNow();
		return this.http2.port();
	}

	/** A chunk whose size is in upper case (29: {@code 1D}), with an extension. */
	private static String chunkWithExtension(String data) {
		String size = Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length).toUpperCase();
		return size + ";ext=1\r\n" + data + "\r\n";
	}

	private static String chunk(String data) {
		return Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + data + "\r\n";
	}

	/**
	 * Accepts one connection, reads its request head, and writes the response three bytes
	 * at a time (then closes); completes with the request head.
	 */
	private CompletableFuture<String> serve(String response) throws IOException {
		this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		return CompletableFuture.supplyAsync(() -> {
			try (Socket socket = this.server.accept()) {
				socket.setTcpNoDelay(true);
				StringBuilder head = new StringBuilder();
				while (!head.toString().endsWith("\r\n\r\n")) {
					int b = socket.getInputStream().read();
					if (b < 0) {
						break;
					}
					head.append((char) b);
				}
				OutputStream out = socket.getOutputStream();
				byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
				for (int from = 0; from < bytes.length; from += 3) {
					out.write(bytes, from, Math.min(3, bytes.length - from));
					out.flush();
					Thread.sleep(1);
				}
				return head.toString();
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		});
	}

}
