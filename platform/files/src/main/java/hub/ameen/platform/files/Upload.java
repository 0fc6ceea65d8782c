package hub.ameen.platform.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import hub.ameen.platform.web.BadRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.util.unit.DataSize;

/**
 * One multipart upload, read as it arrives: the one part named {@value #PART} is written
 * to a temporary file buffer by buffer, with its size checked against the limit and its
 * SHA-256 computed on the way; other form fields are read and dropped.
 */
final class Upload {

	/** The name of the part that carries the file. */
	static final String PART = "file";

	/**
	 * How many body chunks may wait while one is written: few, so that a body arriving
	 * faster than the disk takes it waits in the network, not in memory.
	 */
	private static final int PREFETCH = 2;

	private final Path target;

	private final long maxBytes;

	private final String limit;

	private final AtomicInteger files = new AtomicInteger();

	private final AtomicLong size = new AtomicLong();

	private final MessageDigest sha256;

	private boolean startOfPart = true;

	private boolean inFile;

	private boolean whole;

	private String name;

	private String declaredType;

	Upload(Path target, DataSize maxSize) {
		this.target = target;
		this.maxBytes = maxSize.toBytes();
		this.limit = (maxSize.toMegabytes() > 0) ? maxSize.toMegabytes() + " MB" : maxSize.toBytes() + " bytes";
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Reads every part into place; completes with what was received, or fails with a 400,
	 * 413 or 415 problem (the temporary file is then the caller's to delete).
	 */
	Mono<Received> receive(Flux<PartEvent> parts) {
		return Mono.using(this::open, (channel) -> parts
			// the reader's own failures on a part's headers (Spring's
			// ContentDisposition.parse throws out of bounds on an
			// unterminated quote): the client's bad input, not ours
			.onErrorMap((ex) -> ex instanceof IllegalArgumentException || ex instanceof IndexOutOfBoundsException,
					(ex) -> new BadRequestException("A part's headers cannot be read"))
			.map(this::take)
			.concatMap((chunk) -> write(chunk, channel), PREFETCH)
			.then(Mono.fromCallable(this::received)), this::close)
			.onErrorMap(DecodingException.class,
					(ex) -> new BadRequestException("The multipart body is malformed or was cut short"));
	}

	/**
	 * Takes an event's bytes as it arrives: starts a part on a part's first event, then
	 * counts, hashes and copies the file's bytes (dropping a form field's) and releases
	 * the buffer at once, since the parser's buffers are not ours to keep past this call.
	 */
	private Chunk take(PartEvent event) {
		DataBuffer content = event.content();
		try {
			if (this.startOfPart) {
				this.inFile = start(event);
			}
			this.startOfPart = event.isLast();
			if (!this.inFile) {
				return Chunk.NONE;
			}
			this.whole = event.isLast();
			return copy(content);
		}
		finally {
			DataBufferUtils.release(content);
		}
	}

	private Chunk copy(DataBuffer content) {
		int length = content.readableByteCount();
		long position = this.size.getAndAdd(length);
		if (position + length > this.maxBytes) {
			throw new FileProblems.TooLarge("The file is larger than " + this.limit);
		}
		byte[] bytes = new byte[length];
		content.read(bytes);
		this.sha256.update(bytes);
		return new Chunk(ByteBuffer.wrap(bytes), position);
	}

	/** Writes the chunk at its place, all of it, without blocking a thread. */
	private static Mono<Void> write(Chunk chunk, AsynchronousFileChannel channel) {
		if (!chunk.bytes().hasRemaining()) {
			return Mono.empty();
		}
		return Mono.create((sink) -> channel.write(chunk.bytes(), chunk.position(), chunk,
				new CompletionHandler<Integer, Chunk>() {

					@Override
					public void completed(Integer written, Chunk current) {
						if (current.bytes().hasRemaining()) {
							channel.write(current.bytes(), current.position() + current.bytes().position(), current,
									this);
						}
						else {
							sink.success();
						}
					}

					@Override
					public void failed(Throwable ex, Chunk current) {
						sink.error(ex);
					}

				}));
	}

	private boolean start(PartEvent first) {
		if (!(first instanceof FilePartEvent file)) {
			return false;
		}
		if (!PART.equals(file.name())) {
			throw new BadRequestException("The file goes in a part named " + PART + ", not " + file.name());
		}
		if (this.files.incrementAndGet() > 1) {
			throw new BadRequestException("One file at a time: the body has more than one");
		}
		this.name = FileNames.clean(file.filename());
		MediaType type = file.headers().getContentType();
		this.declaredType = (type != null) ? type.getType() + "/" + type.getSubtype() : null;
		return true;
	}

	private AsynchronousFileChannel open() throws IOException {
		return AsynchronousFileChannel.open(this.target, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING);
	}

	private void close(AsynchronousFileChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// nothing was kept from it yet: the caller deletes the file
		}
	}

	private Received received() {
		if (this.files.get() == 0) {
			throw new BadRequestException("The body has no part named " + PART + " holding a file");
		}
		if (!this.whole) {
			throw new BadRequestException("The file was cut short");
		}
		if (this.size.get() == 0) {
			throw new BadRequestException("The file is empty");
		}
		return new Received(this.target, this.name, this.declaredType, this.size.get(),
				HexFormat.of().formatHex(this.sha256.digest()));
	}

	/**
	 * Bytes of the file and where they go in it.
	 *
	 * @param bytes a copy of the bytes
	 * @param position their offset in the file
	 */
	private record Chunk(ByteBuffer bytes, long position) {

		static final Chunk NONE = new Chunk(ByteBuffer.allocate(0), 0);

	}

	/**
	 * A file received whole into its temporary place.
	 *
	 * @param path the temporary file
	 * @param name the client's name for it, cleaned
	 * @param declaredType the type the client declared for the part, or null
	 * @param size its length in bytes
	 * @param sha256 its SHA-256, lower-case hex
	 */
	record Received(Path path, String name, String declaredType, long size, String sha256) {
	}

}
