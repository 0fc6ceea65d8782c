package hub.ameen.platform.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.platform.web.ConflictException;
import hub.ameen.platform.web.NotFoundException;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;

/**
 * The files of one service's records. An upload streams into {@code uploads/tmp}, is
 * checked by its content, moved into its folder under a server-made name, and only then
 * recorded, with its {@link StoredFile#ATTACHED} event, in the transaction that checks
 * the record it belongs to; if that fails, the moved file is deleted again. What a crash
 * leaves between those steps, {@link FilesCleanup} removes.
 *
 * <pre>{@code
 * attachments.attach(parts, "deal", id, FileUse.ATTACHMENT, me.id(), (txn) -> deals.get(txn, id));
 * }</pre>
 */
public final class Attachments implements MeterBinder {

	static final List<String> FOLDERS = List.of("images", "documents", "videos", "others");

	private static final Logger logger = LoggerFactory.getLogger(Attachments.class);

	private final Store store;

	private final Aggregate<StoredFile> files;

	private final FilesProperties properties;

	private final Path root;

	private final Clock clock;

	private final ContentCheck contentCheck = new ContentCheck();

	private final AtomicLong uploadedFiles = new AtomicLong();

	private final AtomicLong uploadedBytes = new AtomicLong();

	public Attachments(Store store, Outbox outbox, JsonMapper json, FilesProperties properties, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.root = (properties.path() != null) ? properties.path() : store.path().resolve("uploads");
		this.clock = clock;
		this.files = Aggregate.of(StoredFile.class)
			.collection("files")
			.id(StoredFile::id)
			.events(StoredFile.ATTACHED, StoredFile.UPDATED, StoredFile.DETACHED)
			.index("owner", StoredFile::ownerKey)
			.index("uploader", StoredFile::uploaderId)
			.open(store, outbox, json);
		createDirectories();
	}

	/**
	 * Receives the one file of a multipart body and attaches it to a record.
	 * @param parts the body, as it arrives
	 * @param ownerType the kind of record, e.g. {@code deal}
	 * @param ownerId the record's id
	 * @param use what the file is for, which decides the types accepted
	 * @param actorId the uploader
	 * @param ownerCheck throws (404, 403) unless the record exists and the actor may
	 * attach to it; runs before the body is read and again in the transaction that keeps
	 * the file
	 * @return the kept file; or 400, 409, 413 or 415, leaving nothing behind
	 */
	public Mono<StoredFile> attach(Flux<PartEvent> parts, String ownerType, String ownerId, FileUse use, String actorId,
			Consumer<ReadTxn> ownerCheck) {
		return receive(parts, new Target(ownerType, ownerId, use, actorId, ownerCheck, false));
	}

	/**
	 * Like {@link #attach}, but the new file takes the place of the record's other files
	 * (a user's avatar), which are detached in the same transaction.
	 */
	public Mono<StoredFile> replace(Flux<PartEvent> parts, String ownerType, String ownerId, FileUse use,
			String actorId, Consumer<ReadTxn> ownerCheck) {
		return receive(parts, new Target(ownerType, ownerId, use, actorId, ownerCheck, true));
	}

	/** The record's files, oldest first. */
	/** Bytes of the uploads kept (durable and linked to their record) since start. */
	public long uploadedBytes() {
		return this.uploadedBytes.get();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("hub.files.uploaded", this.uploadedFiles, AtomicLong::get)
			.description("Uploads kept: durable and linked to their record")
			.register(registry);
		FunctionCounter.builder("hub.files.uploaded.bytes", this.uploadedBytes, AtomicLong::get)
			.description("Bytes of the uploads kept")
			.baseUnit("bytes")
			.register(registry);
	}

	public List<StoredFile> list(String ownerType, String ownerId) {
		return this.files.findAllBy("owner", StoredFile.ownerKey(ownerType, ownerId));
	}

	/** A file by its id alone, whatever it is attached to; 404 when there is none. */
	public StoredFile get(String fileId) {
		return this.store.read((txn) -> this.files.find(txn, fileId))
			.orElseThrow(() -> new NotFoundException("File", fileId));
	}

	/** One of the record's files; 404 when the record has no such file. */
	public StoredFile get(String ownerType, String ownerId, String fileId) {
		return this.store.read((txn) -> owned(txn, ownerType, ownerId, fileId));
	}

	/**
	 * The file's bytes with safe headers: its detected type, {@code nosniff}, a
	 * {@code Content-Disposition} (inline only for images) with its name per RFC 6266,
	 * and its SHA-256 as a strong ETag. A GET with a matching {@code If-None-Match} gets
	 * 304 and a {@code Range} gets 206 (or 416), from WebFlux's own resource handling.
	 */
	public ResponseEntity<Resource> download(StoredFile file) {
		Path path = pathOf(file);
		if (!Files.isRegularFile(path)) {
			throw new NotFoundException("File", file.id());
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.eTag("\"" + file.sha256() + "\"")
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					FileNames.contentDisposition(file.name(), FileUse.inline(file.contentType())))
			.body(new FileSystemResource(path));
	}

	/**
	 * Detaches one of the record's files and deletes its bytes once that is durable.
	 * @param ownerCheck throws (404, 403) unless the actor may change the record
	 * @return the detached file; 404 when the record has no such file
	 */
	public Mono<StoredFile> detach(String ownerType, String ownerId, String fileId, String actorId,
			Consumer<ReadTxn> ownerCheck) {
		return this.store.write((txn) -> {
			ownerCheck.accept(txn);
			StoredFile file = owned(txn, ownerType, ownerId, fileId);
			return detachIn(txn, file, actorId);
		});
	}

	/**
	 * Detaches every file of a record inside the caller's transaction (the one deleting
	 * the record); their bytes are deleted after it commits.
	 */
	public List<StoredFile> detachAllIn(WriteTxn txn, String ownerType, String ownerId, String actorId) {
		return this.files.findAllBy(txn, "owner", StoredFile.ownerKey(ownerType, ownerId))
			.stream()
			.map((file) -> detachIn(txn, file, actorId))
			.toList();
	}

	/**
	 * Moves every file of a record to another record of the same kind inside the caller's
	 * transaction (a merge), announcing each as {@link StoredFile#UPDATED}.
	 */
	public void moveAllIn(WriteTxn txn, String ownerType, String fromId, String toId, String actorId) {
		this.files.idsBy(txn, "owner", StoredFile.ownerKey(ownerType, fromId))
			.forEach((id) -> this.files.updateIn(txn, id, (file) -> file.ownedBy(toId), actorId));
	}

	/** Whether a file with this id is recorded. */
	boolean isRecorded(String fileId) {
		return this.store.read((txn) -> this.files.find(txn, fileId).isPresent());
	}

	Path root() {
		return this.root;
	}

	Path temporary() {
		return this.root.resolve("tmp");
	}

	Path pathOf(StoredFile file) {
		return this.root.resolve(file.folder()).resolve(file.id());
	}

	private Mono<StoredFile> receive(Flux<PartEvent> parts, Target target) {
		return Mono.fromRunnable(() -> this.store.read((txn) -> {
			target.check(txn, this);
			return true;
		}))
			.then(Mono.usingWhen(temporaryFile(),
					(tmp) -> new Upload(tmp, this.properties.maxSize()).receive(parts)
						.publishOn(Schedulers.boundedElastic())
						.map((received) -> place(received, target))
						.flatMap((file) -> keep(file, target)),
					this::deleteQuietly, (tmp, error) -> deleteQuietly(tmp), this::deleteQuietly));
	}

	private StoredFile place(Upload.Received received, Target target) {
		String type = this.contentCheck.check(received.path(), received.name(), received.declaredType(), target.use);
		StoredFile file = new StoredFile(Ids.next(), target.ownerType, target.ownerId, received.name(), type,
				received.size(), received.sha256(), target.actorId, this.clock.instant());
		moveDurably(received.path(), pathOf(file));
		return file;
	}

	private Mono<StoredFile> keep(StoredFile file, Target target) {
		return this.store.write((txn) -> {
			target.check(txn, this);
			if (target.replace) {
				detachAllIn(txn, file.ownerType(), file.ownerId(), file.uploaderId());
			}
			requireQuota(txn, file);
			return this.files.createIn(txn, file, file.uploaderId());
		}).doOnNext((kept) -> {
			this.uploadedFiles.incrementAndGet();
			this.uploadedBytes.addAndGet(kept.size());
		}).onErrorResume((ex) -> deleteQuietly(pathOf(file)).then(Mono.error(ex)));
	}

	private void requireRoom(ReadTxn txn, String ownerType, String ownerId) {
		int count = this.files.idsBy(txn, "owner", StoredFile.ownerKey(ownerType, ownerId)).size();
		if (count >= this.properties.maxPerRecord()) {
			throw new ConflictException("A record keeps at most " + this.properties.maxPerRecord() + " files");
		}
	}

	private void requireQuota(ReadTxn txn, StoredFile file) {
		long used = this.files.findAllBy(txn, "uploader", file.uploaderId()).stream().mapToLong(StoredFile::size).sum();
		if (used + file.size() > this.properties.quotaPerUser().toBytes()) {
			throw new FileProblems.TooLarge("This file would take your uploads past your quota of "
					+ this.properties.quotaPerUser().toMegabytes() + " MB");
		}
	}

	private StoredFile owned(ReadTxn txn, String ownerType, String ownerId, String fileId) {
		return this.files.find(txn, fileId)
			.filter((file) -> file.ownerKey().equals(StoredFile.ownerKey(ownerType, ownerId)))
			.orElseThrow(() -> new NotFoundException("File", fileId));
	}

	private StoredFile detachIn(WriteTxn txn, StoredFile file, String actorId) {
		this.files.removeIn(txn, file.id(), actorId);
		txn.afterCommit(() -> deleteNow(pathOf(file)));
		return file;
	}

	private Mono<Path> temporaryFile() {
		return Mono.fromCallable(() -> Files.createTempFile(temporary(), "upload-", ".part"))
			.subscribeOn(Schedulers.boundedElastic());
	}

	private Mono<Void> deleteQuietly(Path path) {
		return Mono.<Void>fromRunnable(() -> deleteNow(path)).subscribeOn(Schedulers.boundedElastic());
	}

	static void deleteNow(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			logger.warn("Could not delete {}; the cleanup will try again", path, ex);
		}
	}

	/** Flushes the bytes to the disk, then renames: a kept file is whole or absent. */
	private static void moveDurably(Path from, Path to) {
		try (FileChannel channel = FileChannel.open(from, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void createDirectories() {
		try {
			Files.createDirectories(temporary());
			for (String folder : FOLDERS) {
				Files.createDirectories(this.root.resolve(folder));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where an upload goes and who may put it there. */
	private record Target(String ownerType, String ownerId, FileUse use, String actorId, Consumer<ReadTxn> ownerCheck,
			boolean replace) {

		void check(ReadTxn txn, Attachments attachments) {
			this.ownerCheck.accept(txn);
			if (!this.replace) {
				attachments.requireRoom(txn, this.ownerType, this.ownerId);
			}
		}

	}

}
