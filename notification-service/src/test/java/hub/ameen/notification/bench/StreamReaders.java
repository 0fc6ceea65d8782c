package hub.ameen.notification.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Thousands of Server-Sent Event streams read by one thread on one selector, each parsed
 * as it arrives (the response's status and headers, chunked transfer coding, the events'
 * {@code id} and {@code event} fields and comments) without an object per event: what the
 * benchmark's clients cost is then small beside the service they share two cores with.
 * Each stream notes when each of its first {@code rounds} notifications came, and counts
 * any whose id is not above the one before (sent twice, or out of order).
 */
final class StreamReaders implements AutoCloseable {

	private final Selector selector;

	private final Thread thread;

	private final int rounds;

	/** How many streams have had their {@code n+1}th notification, by {@code n}. */
	private final AtomicIntegerArray reached;

	private final Queue<Stream> opening = new ConcurrentLinkedQueue<>();

	private final ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);

	private volatile boolean running = true;

	StreamReaders(int rounds) {
		this.rounds = rounds;
		this.reached = new AtomicIntegerArray(Math.max(1, rounds));
		try {
			this.selector = Selector.open();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.thread = new Thread(this::run, "stream-readers");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Opens a stream ({@code GET} on a connection of its own); returns at once. */
	Stream open(int port, String path, Map<String, String> headers) {
		StringBuilder request = new StringBuilder("GET ").append(path)
			.append(" HTTP/1.1\r\nHost: localhost:")
			.append(port)
			.append("\r\nAccept: text/event-stream\r\n");
		headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		request.append("\r\n");
		try {
			SocketChannel channel = SocketChannel.open();
			channel.configureBlocking(false);
			Stream stream = new Stream(channel, request.toString().getBytes(StandardCharsets.US_ASCII), this.rounds);
			channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			this.opening.add(stream);
			this.selector.wakeup();
			return stream;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How many streams have had at least {@code count} notifications. */
	int reached(int count) {
		return this.reached.get(count - 1);
	}

	@Override
	public void close() {
		this.running = false;
		this.selector.wakeup();
		try {
			this.thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		for (SelectionKey key : this.selector.keys()) {
			((Stream) key.attachment()).close();
		}
		try {
			this.selector.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	private void run() {
		while (this.running) {
			try {
				this.selector.select(100);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			for (Stream stream = this.opening.poll(); stream != null; stream = this.opening.poll()) {
				try {
					stream.channel.register(this.selector, SelectionKey.OP_CONNECT, stream);
				}
				catch (IOException ex) {
					stream.fail();
				}
			}
			long now = System.nanoTime();
			for (SelectionKey key : this.selector.selectedKeys()) {
				Stream stream = (Stream) key.attachment();
				try {
					if (key.isConnectable() && stream.channel.finishConnect()) {
						key.interestOps(SelectionKey.OP_WRITE);
					}
					if (key.isValid() && key.isWritable() && stream.writeRequest()) {
						key.interestOps(SelectionKey.OP_READ);
					}
					if (key.isValid() && key.isReadable()) {
						read(stream, now);
					}
				}
				catch (IOException ex) {
					stream.fail();
				}
			}
			this.selector.selectedKeys().clear();
		}
	}

	private void read(Stream stream, long now) throws IOException {
		while (true) {
			this.buffer.clear();
			int read = stream.channel.read(this.buffer);
			if (read < 0) {
				stream.end();
				return;
			}
			if (read == 0) {
				return;
			}
			this.buffer.flip();
			while (this.buffer.hasRemaining()) {
				int counted = stream.feed(this.buffer, now);
				if (counted > 0 && counted <= this.rounds) {
					this.reached.incrementAndGet(counted - 1);
				}
			}
		}
	}

	/** One stream: the response read so far, and its notifications. */
	static final class Stream {

		private static final int HEAD = 0, CHUNK_SIZE = 1, CHUNK_DATA = 2, CHUNK_END = 3, TRAILER = 4, BODY = 5,
				DONE = 6;

		private final SocketChannel channel;

		private final ByteBuffer request;

		/** When each of its first notifications came ({@link System#nanoTime()}). */
		private final long[] receivedAt;

		private int state = HEAD;

		/** A line of the head or a chunk size, as far as it has come. */
		private final LineBuffer frameLine = new LineBuffer();

		/** A line of the event stream, as far as it has come (long lines are cut). */
		private final LineBuffer eventLine = new LineBuffer();

		private int status;

		private boolean chunked;

		private long chunkLeft;

		private boolean notificationEvent;

		private long eventId = -1;

		private long lastId = -1;

		private int count;

		private int outOfOrder;

		private volatile boolean connected;

		private volatile boolean ended;

		private Stream(SocketChannel channel, byte[] request, int rounds) {
			this.channel = channel;
			this.request = ByteBuffer.wrap(request);
			this.receivedAt = new long[rounds];
		}

		/** Whether the server's greeting (the {@code :connected} comment) has come. */
		boolean connected() {
			return this.connected;
		}

		/** Whether the response or the connection has ended (or failed). */
		boolean ended() {
			return this.ended;
		}

		int status() {
			return this.status;
		}

		/** When its {@code n}th notification came, {@link System#nanoTime()}. */
		long receivedAt(int n) {
			return this.receivedAt[n - 1];
		}

		/** Notifications whose id was not above the one before. */
		int outOfOrder() {
			return this.outOfOrder;
		}

		void close() {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// closed anyway
			}
		}

		private boolean writeRequest() throws IOException {
			this.channel.write(this.request);
			return !this.request.hasRemaining();
		}

		private void fail() {
			end();
			close();
		}

		private void end() {
			this.state = DONE;
			this.ended = true;
		}

		/**
		 * Reads on from the buffer up to the end of a notification, or all of it.
		 * @return how many notifications the stream has had, if one just ended, else 0
		 */
		private int feed(ByteBuffer bytes, long now) {
			while (bytes.hasRemaining()) {
				switch (this.state) {
					case HEAD -> {
						if (this.frameLine.take(bytes)) {
							headLine();
						}
					}
					case CHUNK_SIZE -> {
						if (this.frameLine.take(bytes)) {
							this.chunkLeft = this.frameLine.hexPrefix();
							this.frameLine.clear();
							this.state = (this.chunkLeft == 0) ? TRAILER : CHUNK_DATA;
						}
					}
					case CHUNK_DATA, BODY -> {
						while (bytes.hasRemaining() && (this.state == BODY || this.chunkLeft > 0)) {
							this.chunkLeft--;
							if (this.eventLine.take(bytes.get()) && eventLine(now)) {
								if (this.state == CHUNK_DATA && this.chunkLeft == 0) {
									this.state = CHUNK_END;
								}
								return this.count;
							}
						}
						if (this.state == CHUNK_DATA && this.chunkLeft == 0) {
							this.state = CHUNK_END;
						}
					}
					case CHUNK_END -> {
						if (this.frameLine.take(bytes)) {
							this.frameLine.clear();
							this.state = CHUNK_SIZE;
						}
					}
					case TRAILER -> {
						if (this.frameLine.take(bytes)) {
							if (this.frameLine.length() == 0) {
								end();
							}
							this.frameLine.clear();
						}
					}
					default -> bytes.position(bytes.limit());
				}
			}
			return 0;
		}

		private void headLine() {
			LineBuffer line = this.frameLine;
			if (this.status == 0) {
				this.status = line.statusCode();
			}
			else if (line.length() == 0) {
				this.state = (this.status != 200) ? DONE : (this.chunked ? CHUNK_SIZE : BODY);
				if (this.status != 200) {
					this.ended = true;
				}
			}
			else if (line.startsWithIgnoringCase("transfer-encoding:") && line.containsIgnoringCase("chunked")) {
				this.chunked = true;
			}
			line.clear();
		}

		/** A line of the event stream has ended: whether it ended a notification. */
		private boolean eventLine(long now) {
			LineBuffer line = this.eventLine;
			boolean notification = false;
			if (line.length() == 0) {
				if (this.notificationEvent) {
					notification = true;
					if (this.eventId <= this.lastId) {
						this.outOfOrder++;
					}
					this.lastId = Math.max(this.lastId, this.eventId);
					this.count++;
					if (this.count <= this.receivedAt.length) {
						this.receivedAt[this.count - 1] = now;
					}
				}
				this.notificationEvent = false;
				this.eventId = -1;
			}
			else if (line.is(":connected")) {
				this.connected = true;
			}
			else if (line.startsWithIgnoringCase("event:")) {
				this.notificationEvent = line.valueIs("event:".length(), "notification");
			}
			else if (line.startsWithIgnoringCase("id:")) {
				this.eventId = line.decimalFrom("id:".length());
			}
			line.clear();
			return notification;
		}

	}

	/**
	 * The bytes of one line up to its {@code \n} (a {@code \r} before it dropped); only
	 * the first 64 are kept, enough for every field read here.
	 */
	private static final class LineBuffer {

		private final byte[] bytes = new byte[64];

		private int length;

		/** Takes bytes up to the end of the line: whether it ended. */
		boolean take(ByteBuffer from) {
			while (from.hasRemaining()) {
				if (take(from.get())) {
					return true;
				}
			}
			return false;
		}

		/** Takes one byte: whether it ended the line. */
		boolean take(byte b) {
			if (b == '\n') {
				if (this.length > 0 && this.length <= this.bytes.length && this.bytes[this.length - 1] == '\r') {
					this.length--;
				}
				return true;
			}
			if (this.length < this.bytes.length) {
				this.bytes[this.length] = b;
			}
			this.length++;
			return false;
		}

		int length() {
			return this.length;
		}

		void clear() {
			this.length = 0;
		}

		boolean is(String text) {
			return this.length == text.length() && startsWithIgnoringCase(text);
		}

		boolean startsWithIgnoringCase(String text) {
			if (this.length < text.length()) {
				return false;
			}
			for (int i = 0; i < text.length(); i++) {
				if (Character.toLowerCase(this.bytes[i]) != Character.toLowerCase(text.charAt(i))) {
					return false;
				}
			}
			return true;
		}

		boolean containsIgnoringCase(String text) {
			String line = new String(this.bytes, 0, Math.min(this.length, this.bytes.length),
					StandardCharsets.US_ASCII);
			return line.toLowerCase().contains(text);
		}

		/** Whether the field's value (one leading space dropped) is this text. */
		boolean valueIs(int from, String text) {
			int start = (this.length > from && this.bytes[from] == ' ') ? from + 1 : from;
			if (this.length - start != text.length()) {
				return false;
			}
			for (int i = 0; i < text.length(); i++) {
				if (this.bytes[start + i] != text.charAt(i)) {
					return false;
				}
			}
			return true;
		}

		/** The field's value as a decimal number, or -1. */
		long decimalFrom(int from) {
			int start = (this.length > from && this.bytes[from] == ' ') ? from + 1 : from;
			long value = 0;
			int end = Math.min(this.length, this.bytes.length);
			if (start >= end) {
				return -1;
			}
			for (int i = start; i < end; i++) {
				int digit = this.bytes[i] - '0';
				if (digit < 0 || digit > 9) {
					return -1;
				}
				value = value * 10 + digit;
			}
			return value;
		}

		/** The hexadecimal number the line starts with (a chunk's size). */
		long hexPrefix() {
			long value = 0;
			for (int i = 0; i < Math.min(this.length, this.bytes.length); i++) {
				int digit = Character.digit(this.bytes[i], 16);
				if (digit < 0) {
					break;
				}
				value = value * 16 + digit;
			}
			return value;
		}

		/** The status code of a status line ({@code HTTP/1.1 200 OK}), or -1. */
		int statusCode() {
			int space = 0;
			while (space < this.length && space < this.bytes.length && this.bytes[space] != ' ') {
				space++;
			}
			int code = 0;
			for (int i = space + 1; i < space + 4; i++) {
				if (i >= this.bytes.length || this.bytes[i] < '0' || this.bytes[i] > '9') {
					return -1;
				}
				code = code * 10 + (this.bytes[i] - '0');
			}
			return code;
		}

	}

}
