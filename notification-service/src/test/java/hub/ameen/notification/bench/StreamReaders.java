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
import java.util.HashMap;
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
 * <p>
 * A stream is a {@code GET} on a connection of its own (HTTP/1.1), or, with more than one
 * stream a connection, one of that many streams on an HTTP/2 connection without TLS
 * ({@link Multiplexed}): each stream on its own connection costs a file descriptor on
 * both sides, and a process may open only so many.
 */
final class StreamReaders implements AutoCloseable {

	private final Selector selector;

	private final Thread thread;

	private final int rounds;

	/** How many streams have had their {@code n+1}th notification, by {@code n}. */
	private final AtomicIntegerArray reached;

	/** Connections to register with the selector. */
	private final Queue<Link> opening = new ConcurrentLinkedQueue<>();

	private final ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);

	/** Streams an HTTP/2 connection carries; 1: each its own HTTP/1.1 connection. */
	private final int perConnection;

	/** The HTTP/2 connection to each port that new streams go on, until it is full. */
	private final Map<Integer, Multiplexed> filling = new HashMap<>();

	/** HTTP/2 connections with streams to request. */
	private final Queue<Multiplexed> requesting = new ConcurrentLinkedQueue<>();

	private volatile boolean running = true;

	StreamReaders(int rounds) {
		this(rounds, 1);
	}

	/**
	 * @param rounds how many notifications each stream notes the time of
	 * @param perConnection 1: each stream a connection of its own (HTTP/1.1); more: that
	 * many streams on each HTTP/2 connection
	 */
	StreamReaders(int rounds, int perConnection) {
		this.rounds = rounds;
		this.perConnection = perConnection;
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

	/**
	 * Opens a stream ({@code GET} on a connection of its own, or on the HTTP/2 connection
	 * being filled); returns at once.
	 */
	synchronized Stream open(int port, String path, Map<String, String> headers) {
		if (this.perConnection > 1) {
			return openMultiplexed(port, path, headers);
		}
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

	private Stream openMultiplexed(int port, String path, Map<String, String> headers) {
		Multiplexed connection = this.filling.get(port);
		if (connection == null || connection.assigned == this.perConnection) {
			try {
				SocketChannel channel = SocketChannel.open();
				channel.configureBlocking(false);
				connection = new Multiplexed(channel);
				channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.filling.put(port, connection);
			this.opening.add(connection);
		}
		Stream stream = new Stream(Multiplexed.requestHeaders(port, path, headers), this.rounds);
		stream.multiplexed = connection;
		connection.assigned++;
		connection.unrequested.add(stream);
		this.requesting.add(connection);
		this.selector.wakeup();
		return stream;
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
			((Link) key.attachment()).close();
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
			for (Link opened = this.opening.poll(); opened != null; opened = this.opening.poll()) {
				try {
					opened.channel().register(this.selector, SelectionKey.OP_CONNECT, opened);
				}
				catch (IOException ex) {
					opened.fail();
				}
			}
			for (Multiplexed connection = this.requesting.poll(); connection != null; connection = this.requesting
				.poll()) {
				connection.request();
			}
			long now = System.nanoTime();
			for (SelectionKey key : this.selector.selectedKeys()) {
				if (key.attachment() instanceof Multiplexed connection) {
					connection.ready(key, now);
					continue;
				}
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

	/**
	 * What the selector holds: a stream on a connection of its own, or an HTTP/2
	 * connection carrying many.
	 */
	private interface Link {

		SocketChannel channel();

		/** The connection failed: what it carries ends. */
		void fail();

		void close();

	}

	/** One stream: the response read so far, and its notifications. */
	static final class Stream implements Link {

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

		/** The HTTP/2 connection it is on, and its id there once requested (else 0). */
		private Multiplexed multiplexed;

		private int id;

		/** HTTP/2's error code, if the server reset the stream; else -1. */
		private int resetCode = -1;

		/** Bytes of DATA read since the stream's window was last topped up. */
		private long unacknowledged;

		private Stream(SocketChannel channel, byte[] request, int rounds) {
			this.channel = channel;
			this.request = ByteBuffer.wrap(request);
			this.receivedAt = new long[rounds];
		}

		/** A stream on an HTTP/2 connection; its request is a header block. */
		private Stream(byte[] headerBlock, int rounds) {
			this(null, headerBlock, rounds);
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

		/** How the stream's response began, for a message. */
		String describe() {
			return (this.resetCode >= 0) ? "reset by the server (HTTP/2 error " + this.resetCode + ")"
					: "status " + this.status;
		}

		/** When its {@code n}th notification came, {@link System#nanoTime()}. */
		long receivedAt(int n) {
			return this.receivedAt[n - 1];
		}

		/** Notifications whose id was not above the one before. */
		int outOfOrder() {
			return this.outOfOrder;
		}

		@Override
		public SocketChannel channel() {
			return this.channel;
		}

		/** Closes its connection, or, on HTTP/2, cancels it ({@code RST_STREAM}). */
		@Override
		public void close() {
			if (this.multiplexed != null) {
				this.multiplexed.cancel(this);
				return;
			}
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

		@Override
		public void fail() {
			end();
			close();
		}

		private void end() {
			this.state = DONE;
			this.ended = true;
		}

		/** An HTTP/2 response's status has come: its body is the event stream. */
		private void respond(int status) {
			this.status = status;
			if (status == 200) {
				this.state = BODY;
			}
			else {
				end();
			}
		}

		private void reset(int errorCode) {
			this.resetCode = errorCode;
			end();
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
	 * An HTTP/2 connection without TLS (prior knowledge, RFC 9113 section 3.3) carrying
	 * many streams, read on the readers' thread: just as much of the protocol as a client
	 * needs that sends {@code GET}s and reads event streams. It grants the server windows
	 * too large to run out (topped up past a gibibyte read), answers {@code SETTINGS} and
	 * {@code PING}, and reads of a response's header block only the status, which comes
	 * first (RFC 9113 section 8.3) and, for the statuses in HPACK's static table, as one
	 * byte.
	 */
	private final class Multiplexed implements Link {

		private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

		private static final int DATA = 0, HEADERS = 1, RST_STREAM = 3, SETTINGS = 4, PING = 6, GOAWAY = 7,
				WINDOW_UPDATE = 8;

		private static final int END_STREAM = 0x1, ACK = 0x1, END_HEADERS = 0x4, PADDED = 0x8, PRIORITY = 0x20;

		private static final int ENABLE_PUSH = 0x2, INITIAL_WINDOW_SIZE = 0x4;

		/** {@code RST_STREAM}'s error code for a stream no longer wanted. */
		private static final int CANCEL = 0x8;

		/** A window's size before any {@code WINDOW_UPDATE} (RFC 9113 section 6.9.2). */
		private static final int DEFAULT_WINDOW = 65_535;

		private static final int TOP_UP = 1 << 30;

		private final SocketChannel channel;

		/**
		 * Streams opened and not yet requested: the opening thread adds, the reader
		 * takes.
		 */
		private final Queue<Stream> unrequested = new ConcurrentLinkedQueue<>();

		/** Streams to cancel: any thread adds, the reader takes. */
		private final Queue<Stream> cancelled = new ConcurrentLinkedQueue<>();

		/** Streams opened on it so far (counted by the opening thread). */
		private int assigned;

		private final Map<Integer, Stream> streams = new HashMap<>();

		/** Frames to write, in write mode. */
		private ByteBuffer out = ByteBuffer.allocate(64 * 1024);

		/** Bytes read and not yet a whole frame, in write mode. */
		private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);

		private int nextId = 1;

		/** Bytes of DATA read since the connection's window was last topped up. */
		private long unacknowledged;

		private boolean connected;

		private Multiplexed(SocketChannel channel) {
			this.channel = channel;
			this.out.put(PREFACE);
			ByteBuffer settings = ByteBuffer.allocate(12);
			settings.putShort((short) ENABLE_PUSH).putInt(0);
			settings.putShort((short) INITIAL_WINDOW_SIZE).putInt(Integer.MAX_VALUE);
			frame(SETTINGS, 0, 0, settings.array());
			windowUpdate(0, Integer.MAX_VALUE - DEFAULT_WINDOW);
		}

		/**
		 * The request of a stream: {@code GET} of the path, as an HPACK header block of
		 * static-table references and literals never added to a table, without Huffman
		 * coding (RFC 7541).
		 */
		static byte[] requestHeaders(int port, String path, Map<String, String> headers) {
			java.io.ByteArrayOutputStream block = new java.io.ByteArrayOutputStream();
			block.write(0x82); // :method GET
			block.write(0x86); // :scheme http
			literal(block, 4, null, path); // :path
			literal(block, 1, null, "localhost:" + port); // :authority
			literal(block, 19, null, "text/event-stream"); // accept
			headers.forEach((name, value) -> literal(block, 0, name.toLowerCase(java.util.Locale.ROOT), value));
			return block.toByteArray();
		}

		/** A literal field not added to the table: a static table name, or its own. */
		private static void literal(java.io.ByteArrayOutputStream block, int nameIndex, String name, String value) {
			integer(block, 0x00, 4, nameIndex);
			if (name != null) {
				string(block, name);
			}
			string(block, value);
		}

		private static void string(java.io.ByteArrayOutputStream block, String text) {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			integer(block, 0x00, 7, bytes.length);
			block.writeBytes(bytes);
		}

		/** An HPACK integer with an N-bit prefix (RFC 7541 section 5.1). */
		private static void integer(java.io.ByteArrayOutputStream block, int flags, int prefixBits, int value) {
			int max = (1 << prefixBits) - 1;
			if (value < max) {
				block.write(flags | value);
				return;
			}
			block.write(flags | max);
			value -= max;
			while (value >= 0x80) {
				block.write((value & 0x7f) | 0x80);
				value >>>= 7;
			}
			block.write(value);
		}

		/** Cancels a stream, from any thread. */
		private void cancel(Stream stream) {
			this.cancelled.add(stream);
			StreamReaders.this.requesting.add(this);
			StreamReaders.this.selector.wakeup();
		}

		/**
		 * Sends the streams opened since it last did, and cancels those closed (on the
		 * readers' thread).
		 */
		private void request() {
			for (Stream stream = this.unrequested.poll(); stream != null; stream = this.unrequested.poll()) {
				stream.id = this.nextId;
				this.nextId += 2;
				this.streams.put(stream.id, stream);
				frame(HEADERS, END_STREAM | END_HEADERS, stream.id, stream.request.array());
			}
			for (Stream stream = this.cancelled.poll(); stream != null; stream = this.cancelled.poll()) {
				if (this.streams.remove(stream.id) != null) {
					frame(RST_STREAM, 0, stream.id, ByteBuffer.allocate(4).putInt(CANCEL).array());
				}
				stream.end();
			}
			wantToWrite();
		}

		private void ready(SelectionKey key, long now) {
			try {
				if (key.isConnectable() && this.channel.finishConnect()) {
					this.connected = true;
					key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
				}
				if (key.isValid() && key.isWritable()) {
					write(key);
				}
				if (key.isValid() && key.isReadable()) {
					read(now);
					wantToWrite();
				}
			}
			catch (IOException | RuntimeException ex) {
				fail();
			}
		}

		private void write(SelectionKey key) throws IOException {
			this.out.flip();
			this.channel.write(this.out);
			this.out.compact();
			if (this.out.position() == 0) {
				key.interestOps(SelectionKey.OP_READ);
			}
		}

		private void wantToWrite() {
			SelectionKey key = this.channel.keyFor(StreamReaders.this.selector);
			if (this.connected && this.out.position() > 0 && key != null && key.isValid()) {
				key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
			}
		}

		private void read(long now) throws IOException {
			while (true) {
				int read = this.channel.read(this.in);
				if (read < 0) {
					fail();
					return;
				}
				if (read == 0) {
					return;
				}
				this.in.flip();
				while (this.in.remaining() >= 9) {
					int at = this.in.position();
					int length = ((this.in.get(at) & 0xff) << 16) | ((this.in.get(at + 1) & 0xff) << 8)
							| (this.in.get(at + 2) & 0xff);
					if (length > this.in.capacity() - 9) {
						throw new IOException("a frame of " + length + " bytes, larger than this client allows");
					}
					if (this.in.remaining() < 9 + length) {
						break;
					}
					int type = this.in.get(at + 3) & 0xff;
					int flags = this.in.get(at + 4) & 0xff;
					int id = this.in.getInt(at + 5) & 0x7fffffff;
					this.in.position(at + 9 + length);
					frame(type, flags, id, this.in.slice(at + 9, length), now);
				}
				this.in.compact();
			}
		}

		private void frame(int type, int flags, int id, ByteBuffer payload, long now) {
			int length = payload.remaining();
			switch (type) {
				case DATA -> {
					data(this.streams.get(id), unpadded(payload, flags), now);
					topUp(id, length);
				}
				case HEADERS -> {
					Stream stream = this.streams.get(id);
					ByteBuffer block = unpadded(payload, flags);
					if ((flags & PRIORITY) != 0) {
						block.position(block.position() + 5);
					}
					if (stream != null && stream.status == 0) {
						stream.respond(status(block));
					}
				}
				case RST_STREAM -> {
					Stream stream = this.streams.remove(id);
					if (stream != null) {
						stream.reset(payload.getInt(0));
					}
				}
				case SETTINGS -> {
					if ((flags & ACK) == 0) {
						frame(SETTINGS, ACK, 0, new byte[0]);
					}
				}
				case PING -> {
					if ((flags & ACK) == 0) {
						byte[] opaque = new byte[8];
						payload.get(opaque);
						frame(PING, ACK, 0, opaque);
					}
				}
				case GOAWAY -> {
					int last = payload.getInt(0) & 0x7fffffff;
					int error = payload.getInt(4);
					this.streams.entrySet().removeIf((entry) -> {
						if (entry.getKey() > last) {
							entry.getValue().reset(error);
							return true;
						}
						return false;
					});
				}
				default -> {
					// PRIORITY, WINDOW_UPDATE, CONTINUATION (this client needs only the
					// status, which is in the first fragment), PUSH_PROMISE (disabled)
				}
			}
			if ((type == DATA || type == HEADERS) && (flags & END_STREAM) != 0) {
				Stream stream = this.streams.remove(id);
				if (stream != null) {
					stream.end();
				}
			}
		}

		private void data(Stream stream, ByteBuffer data, long now) {
			if (stream == null) {
				return;
			}
			while (data.hasRemaining()) {
				int counted = stream.feed(data, now);
				if (counted > 0 && counted <= StreamReaders.this.rounds) {
					StreamReaders.this.reached.incrementAndGet(counted - 1);
				}
			}
		}

		/**
		 * DATA counts against both windows, padding and all; each is topped up in time.
		 */
		private void topUp(int id, int length) {
			this.unacknowledged += length;
			if (this.unacknowledged >= TOP_UP) {
				windowUpdate(0, (int) this.unacknowledged);
				this.unacknowledged = 0;
			}
			Stream stream = this.streams.get(id);
			if (stream != null) {
				stream.unacknowledged += length;
				if (stream.unacknowledged >= TOP_UP) {
					windowUpdate(id, (int) stream.unacknowledged);
					stream.unacknowledged = 0;
				}
			}
		}

		private static ByteBuffer unpadded(ByteBuffer payload, int flags) {
			if ((flags & PADDED) != 0) {
				int padding = payload.get() & 0xff;
				payload.limit(payload.limit() - padding);
			}
			return payload;
		}

		/**
		 * The status a response's header block starts with, if HPACK's static table has
		 * it (after any table size updates); else -1.
		 */
		private static int status(ByteBuffer block) {
			int first = block.get() & 0xff;
			while ((first & 0xe0) == 0x20) {
				// a dynamic table size update, its integer's continuation bytes skipped
				if ((first & 0x1f) == 0x1f) {
					while ((block.get() & 0x80) != 0) {
						// more of the integer
					}
				}
				first = block.get() & 0xff;
			}
			return switch (first) {
				case 0x88 -> 200;
				case 0x89 -> 204;
				case 0x8a -> 206;
				case 0x8b -> 304;
				case 0x8c -> 400;
				case 0x8d -> 404;
				case 0x8e -> 500;
				default -> -1;
			};
		}

		private void windowUpdate(int id, int increment) {
			frame(WINDOW_UPDATE, 0, id, ByteBuffer.allocate(4).putInt(increment).array());
		}

		private void frame(int type, int flags, int id, byte[] payload) {
			int size = 9 + payload.length;
			if (this.out.remaining() < size) {
				ByteBuffer larger = ByteBuffer.allocate(Math.max(this.out.capacity() * 2, this.out.position() + size));
				this.out.flip();
				this.out = larger.put(this.out);
			}
			this.out.put((byte) (payload.length >>> 16))
				.put((byte) (payload.length >>> 8))
				.put((byte) payload.length)
				.put((byte) type)
				.put((byte) flags)
				.putInt(id)
				.put(payload);
		}

		@Override
		public SocketChannel channel() {
			return this.channel;
		}

		/** The connection failed or closed: every stream on it ends. */
		@Override
		public void fail() {
			this.streams.values().forEach(Stream::end);
			this.streams.clear();
			for (Stream stream = this.unrequested.poll(); stream != null; stream = this.unrequested.poll()) {
				stream.end();
			}
			close();
		}

		@Override
		public void close() {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// closed anyway
			}
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
