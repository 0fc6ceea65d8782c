package hub.ameen.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny stand-in for a service: echoes what it received as JSON, serves
 * {@code /actuator/health} in a chosen state, slow endpoints and an SSE stream.
 */
final class Upstream implements AutoCloseable {

	enum Health {

		UP, DOWN, SLOW

	}

	private final String name;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "upstream");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicInteger echoed = new AtomicInteger();

	/** Bytes of upload bodies received so far, as they arrive. */
	final java.util.concurrent.atomic.AtomicLong uploaded = new java.util.concurrent.atomic.AtomicLong();

	volatile Health health = Health.UP;

	/** Released by a test to let the stream send its second event. */
	volatile CountDownLatch secondEvent = new CountDownLatch(1);

	private Upstream(String name, int port) {
		this.name = name;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/actuator/health", this::health);
		this.server.createContext("/api/notifications/stream", this::stream);
		this.server.createContext("/api/tasks/slow", this::slow);
		this.server.createContext("/api/scheduler/slow", this::slow);
		this.server.createContext("/api/crm/deals/d-1/attachments", this::upload);
		this.server.createContext("/api/crm/imports", this::upload);
		this.server.createContext("/api/crm/hop-by-hop", this::hopByHop);
		this.server.createContext("/", this::echo);
		this.server.start();
	}

	static Upstream start(String name) {
		return new Upstream(name, 0);
	}

	/**
	 * A stand-in on a chosen port, e.g. one the gateway already calls and finds closed.
	 */
	static Upstream startOn(String name, int port) {
		return new Upstream(name, port);
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	int echoed() {
		return this.echoed.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void health(HttpExchange exchange) throws IOException {
		if (this.health == Health.SLOW) {
			pause(3000);
		}
		boolean down = this.health == Health.DOWN;
		send(exchange, down ? 503 : 200, "{\"status\":\"" + (down ? "DOWN" : "UP") + "\"}");
	}

	private void echo(HttpExchange exchange) throws IOException {
		this.echoed.incrementAndGet();
		exchange.getRequestBody().readAllBytes();
		String json = "{\"server\":\"" + this.name + "\",\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\""
				+ exchange.getRequestURI().getRawPath() + "\",\"query\":\""
				+ nullToEmpty(exchange.getRequestURI().getRawQuery()) + "\",\"authorization\":\""
				+ nullToEmpty(exchange.getRequestHeaders().getFirst("Authorization")) + "\",\"requestId\":\""
				+ nullToEmpty(exchange.getRequestHeaders().getFirst("X-Request-Id")) + "\",\"forwardedFor\":\""
				+ String.join(",", exchange.getRequestHeaders().getOrDefault("X-Forwarded-For", List.of()))
				+ "\",\"realIp\":\"" + nullToEmpty(exchange.getRequestHeaders().getFirst("X-Real-IP"))
				+ "\",\"traceparent\":\"" + nullToEmpty(exchange.getRequestHeaders().getFirst("traceparent"))
				+ "\",\"headers\":\""
				+ String.join(",",
						new TreeSet<>(exchange.getRequestHeaders()
							.keySet()
							.stream()
							.map((name) -> name.toLowerCase(Locale.ROOT))
							.toList()))
				+ "\"}";
		exchange.getResponseHeaders().set("X-Upstream", this.name);
		// as every service answers (platform-web's RequestIdFilter)
		String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
		if (requestId != null) {
			exchange.getResponseHeaders().set("X-Request-Id", requestId);
		}
		send(exchange, 200, json);
	}

	/**
	 * Answers with hop-by-hop headers, named ones and one its Connection header names.
	 */
	private void hopByHop(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"upstream\"");
		exchange.getResponseHeaders().set("X-Application-Context", this.name);
		exchange.getResponseHeaders().set("Trailer", "X-Checksum");
		exchange.getResponseHeaders().set("Connection", "X-Hop-Answer");
		exchange.getResponseHeaders().set("X-Hop-Answer", "1");
		exchange.getResponseHeaders().set("X-Kept-Answer", "1");
		send(exchange, 200, "{}");
	}

	/** Counts an upload's bytes as they come, then answers how many there were. */
	private void upload(HttpExchange exchange) throws IOException {
		byte[] buffer = new byte[8192];
		long total = 0;
		try (InputStream in = exchange.getRequestBody()) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				total += read;
				this.uploaded.addAndGet(read);
			}
		}
		send(exchange, 201, "{\"received\":" + total + "}");
	}

	private void slow(HttpExchange exchange) throws IOException {
		pause(5000);
		send(exchange, 200, "{}");
	}

	private void stream(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write("id: 1\ndata: first\n\n".getBytes(StandardCharsets.UTF_8));
			out.flush();
			await(this.secondEvent);
			// longer than the test's global response timeout: the stream route has none
			pause(3000);
			out.write("id: 2\ndata: second\n\n".getBytes(StandardCharsets.UTF_8));
			out.flush();
		}
	}

	private static void send(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(20, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	// the upstream simulates a slow service; the test itself never sleeps to wait
	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
