package hub.ameen.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * A Server-Sent Events client as a browser tab would be: it reads the stream line by line
 * as it arrives and notes when each event came.
 */
final class SseClient implements AutoCloseable {

	record Event(String id, String name, JsonNode data, Instant receivedAt) {
	}

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private volatile Stream<String> lines;

	private volatile boolean ended;

	SseClient(int port, String path, String bearer, String lastEventId) {
		this(HttpClient.newHttpClient(), URI.create("http://localhost:" + port + path), bearer, lastEventId);
	}

	/** A stream at any address; without a bearer token, as a browser's EventSource. */
	SseClient(HttpClient http, URI uri, String bearer, String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		this.response = http.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
		this.response.thenAccept((answer) -> {
			this.lines = answer.body();
			Thread reader = new Thread(() -> read(answer.body()), "sse-reader");
			reader.setDaemon(true);
			reader.start();
		});
	}

	int status(Duration timeout) throws Exception {
		return this.response.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
	}

	private void read(Stream<String> body) {
		String[] id = { null };
		String[] name = { null };
		StringBuilder data = new StringBuilder();
		try {
			body.forEach((line) -> {
				if (line.isEmpty()) {
					if (data.length() > 0) {
						this.events.add(new Event(id[0], name[0], Api.json.readTree(data.toString()), Instant.now()));
					}
					id[0] = null;
					name[0] = null;
					data.setLength(0);
				}
				else if (line.startsWith("id:")) {
					id[0] = line.substring(3).trim();
				}
				else if (line.startsWith("event:")) {
					name[0] = line.substring(6).trim();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5).trim());
				}
			});
		}
		catch (RuntimeException ex) {
			// the stream was closed
		}
		finally {
			this.ended = true;
		}
	}

	/** Whether the server ended the stream (or the connection broke). */
	boolean ended() {
		return this.ended;
	}

	/** The next event, or null when none came within the timeout. */
	Event next(Duration timeout) throws InterruptedException {
		return this.events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Every event that arrives until none has come for {@code quiet}. */
	List<Event> drain(Duration quiet) throws InterruptedException {
		List<Event> all = new ArrayList<>();
		Event event;
		while ((event = next(quiet)) != null) {
			all.add(event);
		}
		return all;
	}

	@Override
	public void close() {
		if (this.lines != null) {
			this.lines.close();
		}
		this.response.cancel(true);
	}

}
