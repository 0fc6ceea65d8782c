package hub.ameen.platform.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import hub.ameen.platform.events.Outbox;
import io.netty.buffer.PooledByteBufAllocator;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;
import hub.ameen.platform.test.MutableClock;
import hub.ameen.platform.web.BadRequestException;
import hub.ameen.platform.web.ConflictException;
import hub.ameen.platform.web.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.codec.multipart.PartEventHttpMessageReader;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Uploads over a real LMDB store and real files in a temporary directory: what is kept,
 * what is refused, and that a refused or broken upload leaves nothing behind.
 */
class AttachmentsTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Consumer<ReadTxn> ANY_RECORD = (txn) -> {
	};

	@TempDir
	Path dir;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));

	private Store store;

	private Outbox outbox;

	private Attachments attachments;

	@BeforeEach
	void open() {
		this.store = Store.open(StoreOptions.at(this.dir.resolve("store")));
		this.outbox = new Outbox(this.store);
		this.attachments = new Attachments(this.store, this.outbox, JsonMapper.builder().build(),
				FilesProperties.at(this.dir.resolve("uploads"))
					.withMaxSize(DataSize.ofKilobytes(64))
					.withLimits(3, DataSize.ofKilobytes(150)),
				this.clock);
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void aPngIsKeptByteForByteUnderImagesWithItsSha256AndAnAttachedEvent() throws Exception {
		byte[] png = Samples.png(200);
		StoredFile file = attach(part("shot.png", MediaType.IMAGE_PNG, png));
		assertThat(file.contentType()).isEqualTo("image/png");
		assertThat(file.size()).isEqualTo(png.length);
		assertThat(file.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)));
		assertThat(file.name()).isEqualTo("shot.png");
		Path kept = this.dir.resolve("uploads/images/" + file.id());
		assertThat(Files.readAllBytes(kept)).isEqualTo(png);
		assertThat(this.attachments.list("deal", "d1")).containsExactly(file);
		assertThat(this.outbox.backlog()).isEqualTo(1);
		assertThat(leftovers("tmp")).isEmpty();
		assertThat(this.attachments.uploadedBytes()).isEqualTo(png.length);
	}

	@Test
	void documentsAndTextAreSortedIntoDocuments() {
		StoredFile pdf = attach(part("offer.pdf", MediaType.APPLICATION_PDF, Samples.pdf()));
		StoredFile text = attach(part("notes.txt", null, Samples.text()));
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		assertThat(text.contentType()).isEqualTo("text/plain");
		assertThat(leftovers("documents")).hasSize(2);
	}

	@Test
	void anExecutableOrHtmlNamedPngIsUnsupported() {
		refused(part("cat.png", MediaType.IMAGE_PNG, Samples.executable()), FileProblems.Unsupported.class);
		refused(part("cat.png", MediaType.IMAGE_PNG, Samples.html()), FileProblems.Unsupported.class);
		refused(part("page.html", MediaType.TEXT_HTML, Samples.html()), FileProblems.Unsupported.class);
		assertThat(this.attachments.uploadedBytes()).as("a refused upload is not counted").isZero();
	}

	@Test
	void aPngCarryingAScriptIsUnsupported() {
		refused(part("poly.png", MediaType.IMAGE_PNG, Samples.polyglot()), FileProblems.Unsupported.class);
	}

	@Test
	void contentThatDisagreesWithItsNameOrDeclaredTypeIsUnsupported() {
		refused(part("notes.png", null, Samples.text()), FileProblems.Unsupported.class);
		refused(part("shot.pdf", null, Samples.png(10)), FileProblems.Unsupported.class);
		refused(part("shot.png", MediaType.APPLICATION_PDF, Samples.png(10)), FileProblems.Unsupported.class);
	}

	@Test
	void anAvatarMustBeAnImage() {
		assertThatThrownBy(() -> this.attachments
			.replace(part("cv.pdf", null, Samples.pdf()), "avatar", "u1", FileUse.AVATAR, "u1", ANY_RECORD)
			.block(WAIT)).isInstanceOf(FileProblems.Unsupported.class);
	}

	@Test
	void aFileOverTheLimitIsCutOffWhileItStreams() {
		AtomicInteger sent = new AtomicInteger();
		Flux<DataBuffer> endless = Flux.range(0, 1000)
			.map((i) -> (DataBuffer) DefaultDataBufferFactory.sharedInstance.wrap(new byte[1024]))
			.doOnNext((chunk) -> sent.incrementAndGet());
		refused(events(FilePartEvent.create("file", "big.png", MediaType.IMAGE_PNG, endless)),
				FileProblems.TooLarge.class);
		assertThat(sent.get()).isLessThan(100);
	}

	@Test
	void anEmptyFileNoFilePartOrTwoFilesAreBadRequests() {
		refused(part("empty.png", MediaType.IMAGE_PNG, new byte[0]), BadRequestException.class);
		refused(events(FormPartEvent.create("note", "hello")), BadRequestException.class);
		refused(Flux.concat(part("a.png", MediaType.IMAGE_PNG, Samples.png(10)),
				part("b.png", MediaType.IMAGE_PNG, Samples.png(11))), BadRequestException.class);
		refused(events(FilePartEvent.create("upload", "a.png", MediaType.IMAGE_PNG, chunks(Samples.png(10)))),
				BadRequestException.class);
		assertThat(leftovers("images")).isEmpty();
	}

	@Test
	void aFormFieldBesideTheFileIsIgnored() {
		StoredFile file = attach(Flux.concat(events(FormPartEvent.create("note", "hi")),
				part("a.png", MediaType.IMAGE_PNG, Samples.png(10))));
		assertThat(file.contentType()).isEqualTo("image/png");
	}

	@Test
	void aMultipartBodyCutShortIsABadRequestAndLeavesNothing() {
		String body = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\n"
				+ "Content-Type: text/plain\r\n\r\nMinutes of the meeting, and then the line drop";
		MockServerHttpRequest request = MockServerHttpRequest.post("/")
			.contentType(MediaType.parseMediaType("multipart/form-data; boundary=b0undary"))
			.body(body);
		Flux<PartEvent> parts = new PartEventHttpMessageReader().read(ResolvableType.forClass(PartEvent.class), request,
				Map.of());
		refused(parts, BadRequestException.class);
		assertThat(leftovers("documents")).isEmpty();
	}

	@Test
	void aPartWhoseHeadersCannotBeReadIsABadRequestAndLeavesNothing() {
		// a file name broken over two lines: Spring's ContentDisposition.parse fails on
		// the unterminated quote with an index out of bounds
		String body = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\r\n"
				+ "Set-Cookie: x=y.png\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b0undary--\r\n";
		MockServerHttpRequest request = MockServerHttpRequest.post("/")
			.contentType(MediaType.parseMediaType("multipart/form-data; boundary=b0undary"))
			.body(body);
		Flux<PartEvent> parts = new PartEventHttpMessageReader().read(ResolvableType.forClass(PartEvent.class), request,
				Map.of());
		refused(parts, BadRequestException.class);
		assertThat(leftovers("documents")).isEmpty();
	}

	@Test
	void everyPooledBufferOfTheBodyIsReleasedExactlyOnce() {
		byte[] png = Samples.png(3000);
		String head = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n";
		byte[] body = concat(head.getBytes(StandardCharsets.US_ASCII), png,
				"\r\n--b0undary--\r\n".getBytes(StandardCharsets.US_ASCII));
		NettyDataBufferFactory pooled = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);
		List<NettyDataBuffer> sent = new ArrayList<>();
		Flux<DataBuffer> chunks = Flux.range(0, (body.length + 999) / 1000).map((i) -> {
			NettyDataBuffer chunk = pooled.allocateBuffer(1000);
			chunk.write(body, i * 1000, Math.min(1000, body.length - i * 1000));
			sent.add(chunk);
			return chunk;
		});
		MockServerHttpRequest request = MockServerHttpRequest.post("/")
			.contentType(MediaType.parseMediaType("multipart/form-data; boundary=b0undary"))
			.body(chunks);
		StoredFile file = attach(
				new PartEventHttpMessageReader().read(ResolvableType.forClass(PartEvent.class), request, Map.of()));
		assertThat(file.size()).isEqualTo(png.length);
		assertThat(sent).isNotEmpty().allSatisfy((chunk) -> assertThat(chunk.getNativeBuffer().refCnt()).isZero());
	}

	private static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	@Test
	void aClientThatStopsMidBodyLeavesNoTemporaryFileAndNoMetadata() {
		Sinks.Many<DataBuffer> body = Sinks.many().unicast().onBackpressureBuffer();
		Disposable upload = this.attachments
			.attach(events(FilePartEvent.create("file", "a.png", MediaType.IMAGE_PNG, body.asFlux())), "deal", "d1",
					FileUse.ATTACHMENT, "u1", ANY_RECORD)
			.subscribe((file) -> {
			}, (error) -> {
			});
		body.tryEmitNext(DefaultDataBufferFactory.sharedInstance.wrap(Samples.png(50)));
		await().atMost(WAIT).until(() -> leftovers("tmp").size() == 1);
		upload.dispose();
		await().atMost(WAIT).until(() -> leftovers("tmp").isEmpty());
		assertThat(this.attachments.list("deal", "d1")).isEmpty();
		assertThat(leftovers("images")).isEmpty();
	}

	@Test
	void aConnectionResetMidBodyLeavesNothing() {
		Flux<DataBuffer> broken = Flux.concat(chunks(Samples.png(50)).take(1),
				Flux.error(new IOException("Connection reset by peer")));
		refused(events(FilePartEvent.create("file", "a.png", MediaType.IMAGE_PNG, broken)), IOException.class);
		assertThat(this.attachments.list("deal", "d1")).isEmpty();
	}

	@Test
	void aRecordRefusedByTheOwnerCheckReadsNoBody() {
		AtomicInteger sent = new AtomicInteger();
		Flux<DataBuffer> body = chunks(Samples.png(10)).doOnNext((chunk) -> sent.incrementAndGet());
		assertThatThrownBy(
				() -> this.attachments.attach(events(FilePartEvent.create("file", "a.png", MediaType.IMAGE_PNG, body)),
						"deal", "gone", FileUse.ATTACHMENT, "u1", (txn) -> {
							throw new NotFoundException("Deal", "gone");
						})
					.block(WAIT))
			.isInstanceOf(NotFoundException.class);
		assertThat(sent.get()).isZero();
	}

	@Test
	void aRecordKeepsAtMostItsLimitOfFiles() {
		for (int i = 0; i < 3; i++) {
			attach(part("a" + i + ".png", MediaType.IMAGE_PNG, Samples.png(10 + i)));
		}
		refused(part("a4.png", MediaType.IMAGE_PNG, Samples.png(20)), ConflictException.class);
		assertThat(leftovers("images")).hasSize(3);
	}

	@Test
	void aUserCannotUploadPastTheirQuota() {
		byte[] big = new byte[60 * 1024];
		System.arraycopy(Samples.pdf(), 0, big, 0, Samples.pdf().length);
		this.attachments.attach(part("1.pdf", null, big), "deal", "d1", FileUse.ATTACHMENT, "u1", ANY_RECORD)
			.block(WAIT);
		this.attachments.attach(part("2.pdf", null, big), "deal", "d2", FileUse.ATTACHMENT, "u1", ANY_RECORD)
			.block(WAIT);
		assertThatThrownBy(() -> this.attachments
			.attach(part("3.pdf", null, big), "deal", "d3", FileUse.ATTACHMENT, "u1", ANY_RECORD)
			.block(WAIT)).isInstanceOf(FileProblems.TooLarge.class);
		assertThat(leftovers("documents")).hasSize(2);
		this.attachments.attach(part("3.pdf", null, big), "deal", "d3", FileUse.ATTACHMENT, "u2", ANY_RECORD)
			.block(WAIT);
	}

	@Test
	void detachingRemovesTheMetadataAndTheBytesAndAnnouncesIt() {
		StoredFile file = attach(part("a.png", MediaType.IMAGE_PNG, Samples.png(10)));
		assertThatThrownBy(() -> this.attachments.get("deal", "other", file.id()))
			.isInstanceOf(NotFoundException.class);
		this.attachments.detach("deal", "d1", file.id(), "u1", ANY_RECORD).block(WAIT);
		assertThat(this.attachments.list("deal", "d1")).isEmpty();
		assertThat(leftovers("images")).isEmpty();
		assertThat(this.outbox.backlog()).isEqualTo(2);
	}

	@Test
	void detachingEveryFileOfADeletedRecordDeletesTheirBytesAfterTheCommit() {
		attach(part("a.png", MediaType.IMAGE_PNG, Samples.png(10)));
		attach(part("b.pdf", null, Samples.pdf()));
		this.store.write((txn) -> this.attachments.detachAllIn(txn, "deal", "d1", "u1")).block(WAIT);
		assertThat(this.attachments.list("deal", "d1")).isEmpty();
		assertThat(leftovers("images")).isEmpty();
		assertThat(leftovers("documents")).isEmpty();
	}

	@Test
	void aNewAvatarReplacesTheOldOne() {
		StoredFile first = this.attachments
			.replace(part("me.png", MediaType.IMAGE_PNG, Samples.png(10)), "avatar", "u1", FileUse.AVATAR, "u1",
					ANY_RECORD)
			.block(WAIT);
		StoredFile second = this.attachments
			.replace(part("me2.png", MediaType.IMAGE_PNG, Samples.png(12)), "avatar", "u1", FileUse.AVATAR, "u1",
					ANY_RECORD)
			.block(WAIT);
		assertThat(this.attachments.list("avatar", "u1")).containsExactly(second);
		assertThat(leftovers("images")).containsExactly(this.dir.resolve("uploads/images/" + second.id()));
		assertThat(first.id()).isNotEqualTo(second.id());
	}

	@Test
	void theCleanupRemovesStaleTemporaryAndOrphanedFilesButNotKeptOnes() throws IOException {
		StoredFile kept = attach(part("a.png", MediaType.IMAGE_PNG, Samples.png(10)));
		Files.write(this.dir.resolve("uploads/tmp/upload-1.part"), new byte[10]);
		Files.write(this.dir.resolve("uploads/images/01ORPHAN"), new byte[10]);
		FilesCleanup cleanup = new FilesCleanup(this.attachments, FilesProperties.at(this.dir.resolve("uploads")),
				this.clock);
		this.clock.set(Instant.now());
		assertThat(cleanup.clean()).as("fresh files may belong to uploads in flight").isZero();
		this.clock.set(Instant.now().plus(Duration.ofMinutes(61)));
		assertThat(cleanup.clean()).isEqualTo(2);
		assertThat(leftovers("tmp")).isEmpty();
		assertThat(leftovers("images")).containsExactly(this.dir.resolve("uploads/images/" + kept.id()));
	}

	private StoredFile attach(Flux<PartEvent> parts) {
		return this.attachments.attach(parts, "deal", "d1", FileUse.ATTACHMENT, "u1", ANY_RECORD).block(WAIT);
	}

	private void refused(Flux<PartEvent> parts, Class<? extends Throwable> problem) {
		assertThat(reactor.core.Exceptions.unwrap(org.assertj.core.api.Assertions.catchThrowable(() -> attach(parts))))
			.isInstanceOf(problem);
		assertThat(leftovers("tmp")).isEmpty();
	}

	private java.util.List<Path> leftovers(String folder) {
		try (Stream<Path> files = Files.list(this.dir.resolve("uploads").resolve(folder))) {
			return files.toList();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static Flux<PartEvent> part(String name, MediaType type, byte[] bytes) {
		return events(FilePartEvent.create("file", name, (type != null) ? type : MediaType.APPLICATION_OCTET_STREAM,
				chunks(bytes)));
	}

	private static Flux<PartEvent> events(org.reactivestreams.Publisher<? extends PartEvent> events) {
		return Flux.from(events).cast(PartEvent.class);
	}

	private static Flux<DataBuffer> chunks(byte[] bytes) {
		int size = 1024;
		int count = Math.max(1, (bytes.length + size - 1) / size);
		return Flux.range(0, count).map((i) -> {
			int from = i * size;
			int to = Math.min(bytes.length, from + size);
			byte[] slice = java.util.Arrays.copyOfRange(bytes, from, to);
			return (DataBuffer) DefaultDataBufferFactory.sharedInstance.wrap(slice);
		});
	}

}
