package hub.ameen.platform.test.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.buffer.ByteBuf;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.awaitility.Awaitility.await;

/**
 * A minimal Server-Sent Events client on Reactor Netty for tests: one TCP connection per
 * stream, events parsed as the spec says (fields {@code id}, {@code event}, {@code data},
 * {@code retry}, comment lines), kept in arrival order.
 */
public final class SseClient implements AutoCloseable {

	/** Opens each stream on its own connection (no pool limit). */
	public static final HttpClient HTTP = HttpClient.create(ConnectionProvider.newConnection());

	/**
	 * One event as received.
	 *
	 * @param id the {@code id:} field, or null
	 * @param event the {@code event:} field, or null
	 * @param data the {@code data:} lines joined with newlines, or null
	 * @param comments the comment lines, without the colon
	 * @param retry the {@code retry:} field, or null
	 * @param receivedAtNanos {@link System#nanoTime()} when it was parsed
	 */
	public record Event(String id, String event, String data, List<String> comments, String retry,
			long receivedAtNanos) {
	}

	private final List<Event> events = new CopyOnWriteArrayList<>();

	private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

	private final StringBuilder raw = new StringBuilder();

	private final Disposable subscription;

	private volatile int status;

	private volatile boolean ended;

	private SseClient(int port, String pathAndQuery, Map<String, String> headers) {
		this.subscription = HTTP.headers((h) -> {
			h.set("Accept", "text/event-stream");
			headers.forEach(h::set);
		}).get().uri("http://localhost:" + port + pathAndQuery).response((response, body) -> {
			this.status = response.status().code();
			return body.retain();
		}).subscribe(this::feed, (error) -> this.ended = true, () -> this.ended = true);
	}

	/** Opens the stream; returns at once (see {@link #awaitConnected()}). */
	public static SseClient open(int port, String pathAndQuery, Map<String, String> headers) {
		return new SseClient(port, pathAndQuery, headers);
	}

	/** Opens the stream and waits for the server's greeting. */
	public static SseClient connect(int port, String pathAndQuery, Map<String, String> headers) {
		SseClient client = open(port, pathAndQuery, headers);
		client.awaitConnected();
		return client;
	}

	public SseClient awaitConnected() {
		await().pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(10))
			.atMost(Duration.ofSeconds(10))
			.until(() -> connected() || this.ended);
		if (!connected()) {
			throw new IllegalStateException("stream did not open: " + this.status + " " + raw());
		}
		return this;
	}

	private synchronized void feed(ByteBuf chunk) {
		try {
			byte[] bytes = new byte[chunk.readableBytes()];
			chunk.readBytes(bytes);
			this.pending.write(bytes, 0, bytes.length);
		}
		finally {
			chunk.release();
		}
		if (this.status != 200) {
			this.raw.append(this.pending.toString(StandardCharsets.UTF_8));
			this.pending.reset();
			return;
		}
		byte[] buffered = this.pending.toByteArray();
		int start = 0;
		for (int i = 0; i + 1 < buffered.length; i++) {
			if (buffered[i] == '\n' && buffered[i + 1] == '\n') {
				parse(new String(buffered, start, i - start, StandardCharsets.UTF_8));
				start = i + 2;
				i++;
			}
		}
		this.pending.reset();
		this.pending.write(buffered, start, buffered.length - start);
	}

	private void parse(String frame) {
		String id = null;
		String event = null;
		String retry = null;
		StringBuilder data = null;
		List<String> comments = new ArrayList<>();
		for (String line : frame.split("\n")) {
			if (line.startsWith(":")) {
				comments.add(line.substring(1));
				continue;
			}
			int colon = line.indexOf(':');
			String field = (colon < 0) ? line : line.substring(0, colon);
			String value = (colon < 0) ? "" : line.substring((line.startsWith(" ", colon + 1)) ? colon + 2 : colon + 1);
			switch (field) {
				case "id" -> id = value;
				case "event" -> event = value;
				case "retry" -> retry = value;
				case "data" -> data = (data == null) ? new StringBuilder(value) : data.append('\n').append(value);
				default -> {
				}
			}
		}
		this.events
			.add(new Event(id, event, (data != null) ? data.toString() : null, comments, retry, System.nanoTime()));
	}

	public int status() {
		return this.status;
	}

	/** Whether the server ended the response or the connection. */
	public boolean ended() {
		return this.ended;
	}

	/** The body of a response that was not a stream (e.g. a problem detail). */
	public synchronized String raw() {
		return this.raw.toString();
	}

	public boolean connected() {
		return this.events.stream().anyMatch((e) -> e.comments().contains("connected"));
	}

	public List<Event> events() {
		return List.copyOf(this.events);
	}

	/** The {@code notification} events. */
	public List<Event> notifications() {
		return this.events.stream().filter((e) -> "notification".equals(e.event())).toList();
	}

	/** The ids of the notifications, as numbers, in arrival order. */
	public List<Long> ids() {
		return notifications().stream().map((e) -> Long.parseLong(e.id())).toList();
	}

	@Override
	public void close() {
		this.subscription.dispose();
	}

}
