package hub.ameen.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service that fails the way a dying one does: on a path starting
 * {@code /api/tasks/drop} it reads the request and closes the connection without an
 * answer, the first {@code drops} times; on {@code /api/tasks/error} it answers 500;
 * otherwise 200. It counts the requests each path received. One request per connection.
 */
final class DroppingUpstream implements AutoCloseable {

	private final ServerSocket server;

	private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

	private final int drops;

	private DroppingUpstream(int drops) {
		this.drops = drops;
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::accept, "dropping-upstream");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	static DroppingUpstream start(int drops) {
		return new DroppingUpstream(drops);
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getLocalPort();
	}

	int requests(String path) {
		AtomicInteger count = this.requests.get(path);
		return (count != null) ? count.get() : 0;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try (Socket socket = this.server.accept()) {
				answer(socket);
			}
			catch (IOException ex) {
				// the connection went, or the server closed: next one
			}
		}
	}

	private void answer(Socket socket) throws IOException {
		String head = readHead(socket.getInputStream());
		String[] requestLine = head.split("\r\n", 2)[0].split(" ");
		String path = requestLine[1].split("\\?")[0];
		int seen = this.requests.computeIfAbsent(path, (p) -> new AtomicInteger()).incrementAndGet();
		if (path.startsWith("/api/tasks/drop") && seen <= this.drops) {
			return;
		}
		int status = path.equals("/api/tasks/error") ? 500 : 200;
		byte[] body = ("{\"attempt\":" + seen + "}").getBytes(StandardCharsets.UTF_8);
		OutputStream out = socket.getOutputStream();
		out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + body.length
				+ "\r\nConnection: close\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.write(body);
		out.flush();
	}

	/** The request line and headers; a body (none in these tests) is not read. */
	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		int b;
		while (matched < 4 && (b = in.read()) != -1) {
			head.write(b);
			matched = (b == end[matched]) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

}
