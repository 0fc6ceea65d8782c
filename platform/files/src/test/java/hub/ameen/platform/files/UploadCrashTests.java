package hub.ameen.platform.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;
import hub.ameen.platform.test.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a JVM in the middle of a burst of uploads with SIGKILL: every upload it
 * acknowledged is complete and readable afterwards, and after the next cleanup no file is
 * left without metadata, no metadata without its file, and no temporary file.
 */
class UploadCrashTests {

	private static final int ACKS = 40;

	@TempDir
	Path dir;

	@Test
	void killMinusNineDuringABurstLeavesEveryAcknowledgedFileWholeAndNoOrphanAfterTheCleanup() throws Exception {
		Path storeDir = this.dir.resolve("store");
		Path uploads = this.dir.resolve("uploads");
		List<String[]> acknowledged = new ArrayList<>();
		Process child = start(storeDir, uploads);
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while (acknowledged.size() < ACKS && (line = out.readLine()) != null) {
				if (line.startsWith("ack ")) {
					acknowledged.add(line.split(" "));
				}
			}
		}
		finally {
			child.destroyForcibly();
		}
		assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(acknowledged).hasSize(ACKS);

		MutableClock clock = new MutableClock(Instant.now());
		try (Store store = Store.open(StoreOptions.at(storeDir))) {
			FilesProperties properties = FilesProperties.at(uploads);
			Attachments attachments = new Attachments(store, new Outbox(store), JsonMapper.builder().build(),
					properties, clock);
			for (String[] ack : acknowledged) {
				StoredFile file = attachments.get("deal", "d1", ack[1]);
				byte[] bytes = Files.readAllBytes(attachments.pathOf(file));
				assertThat(bytes).as("acknowledged file %s", ack[1]).hasSize(Integer.parseInt(ack[3]));
				assertThat(sha256(bytes)).isEqualTo(ack[2]).isEqualTo(file.sha256());
			}
			clock.set(Instant.now().plus(Duration.ofHours(2)));
			new FilesCleanup(attachments, properties, clock).clean();
			List<StoredFile> recorded = attachments.list("deal", "d1");
			assertThat(keptFiles(uploads)).as("every kept file has metadata and every metadata its file")
				.containsExactlyInAnyOrderElementsOf(recorded.stream().map(attachments::pathOf).toList());
			assertThat(listing(uploads.resolve("tmp"))).isEmpty();
		}
	}

	private static Process start(Path storeDir, Path uploads) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = List.of(java, "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-exports",
				"java.base/sun.nio.ch=ALL-UNNAMED", "-Xmx128m", "-cp", System.getProperty("java.class.path"),
				UploadCrashWriter.class.getName(), storeDir.toString(), uploads.toString());
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
	}

	private static List<Path> keptFiles(Path uploads) {
		List<Path> kept = new ArrayList<>();
		Attachments.FOLDERS.forEach((folder) -> kept.addAll(listing(uploads.resolve(folder))));
		return kept;
	}

	private static List<Path> listing(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
