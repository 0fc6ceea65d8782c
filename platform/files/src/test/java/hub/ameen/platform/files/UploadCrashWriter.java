package hub.ameen.platform.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;

/**
 * The child JVM of {@link UploadCrashTests}: uploads PDFs of random bytes from several
 * threads until it is killed, printing {@code ack <id> <sha256> <size>} for each upload
 * the library acknowledged.
 */
public final class UploadCrashWriter {

	private UploadCrashWriter() {
	}

	public static void main(String[] args) {
		Store store = Store.open(StoreOptions.at(Path.of(args[0])));
		Attachments attachments = new Attachments(store, new Outbox(store), JsonMapper.builder().build(),
				FilesProperties.at(Path.of(args[1]))
					.withLimits(1_000_000, org.springframework.util.unit.DataSize.ofGigabytes(10)),
				Clock.systemUTC());
		for (int i = 0; i < 4; i++) {
			Thread thread = new Thread(() -> uploadForever(attachments));
			thread.start();
		}
	}

	private static void uploadForever(Attachments attachments) {
		while (true) {
			StoredFile file = attachments.attach(pdf(), "deal", "d1", FileUse.ATTACHMENT, "u1", (ReadTxn txn) -> {
			}).block();
			synchronized (System.out) {
				System.out.println("ack " + file.id() + " " + file.sha256() + " " + file.size());
				System.out.flush();
			}
		}
	}

	/** A PDF header, then 64 to 256 KB of random bytes, sent in 8 KB chunks. */
	private static Flux<PartEvent> pdf() {
		int size = ThreadLocalRandom.current().nextInt(64, 257) * 1024;
		byte[] bytes = new byte[size];
		ThreadLocalRandom.current().nextBytes(bytes);
		byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(header, 0, bytes, 0, header.length);
		Flux<DataBuffer> chunks = Flux.range(0, size / 8192)
			.map((i) -> (DataBuffer) DefaultDataBufferFactory.sharedInstance
				.wrap(java.util.Arrays.copyOfRange(bytes, i * 8192, (i + 1) * 8192)));
		return Flux.from(FilePartEvent.create("file", "burst.pdf", MediaType.APPLICATION_PDF, chunks))
			.cast(PartEvent.class);
	}

}
