package hub.ameen.platform.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * StoreBackup, run as its own process like {@code ./hub backup}: it copies stores that a
 * running writer keeps open and writing, the copy holds exactly what was committed when
 * it began or later (never a torn record), and a restore into a wiped data directory
 * brings back every record.
 */
class StoreBackupTests {

	@TempDir
	Path temp;

	@Test
	void backupOfOpenStoresFromAnotherProcessRestoresEveryRecordAfterAWipe() throws Exception {
		Path data = this.temp.resolve("data");
		Path backup = this.temp.resolve("backup");
		Store crm = Store.open(StoreOptions.at(data.resolve("crm-service")));
		Store tasks = Store.open(StoreOptions.at(data.resolve("tasks-service")));
		Files.createDirectories(data.resolve("kafka"));
		Collection<String, String> contacts = crm.collection("contacts", Codec.utf8(), Codec.utf8());
		Collection<String, String> todo = tasks.collection("tasks", Codec.utf8(), Codec.utf8());
		putAll(crm, contacts, 0, 2000);
		putAll(tasks, todo, 0, 10);

		// the writer keeps committing while the other process copies
		var writing = Flux.range(2000, 500).concatMap((i) -> crm.write((txn) -> {
			contacts.put(txn, key(i), "contact " + i);
			return i;
		})).then().toFuture();
		Run run = storeBackup("backup", data, backup);
		writing.get(60, TimeUnit.SECONDS);
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("backup: crm-service tasks-service");
		crm.close();
		tasks.close();

		deleteRecursively(data);
		Run restore = storeBackup("restore", data, backup);
		assertThat(restore.exitCode()).as(restore.output()).isZero();

		try (Store restoredCrm = Store.open(StoreOptions.at(data.resolve("crm-service")));
				Store restoredTasks = Store.open(StoreOptions.at(data.resolve("tasks-service")))) {
			Collection<String, String> restoredContacts = restoredCrm.collection("contacts", Codec.utf8(),
					Codec.utf8());
			Collection<String, String> restoredTodo = restoredTasks.collection("tasks", Codec.utf8(), Codec.utf8());
			IntStream.range(0, 2000)
				.forEach((i) -> assertThat(restoredContacts.get(key(i))).as(key(i)).contains("contact " + i));
			IntStream.range(0, 10).forEach((i) -> assertThat(restoredTodo.get(key(i))).contains("contact " + i));
			// a prefix of the concurrent writes: every record up to some point, none
			// after it
			List<Boolean> concurrent = IntStream.range(2000, 2500)
				.mapToObj((i) -> restoredContacts.get(key(i)).isPresent())
				.toList();
			int present = concurrent.indexOf(false) < 0 ? concurrent.size() : concurrent.indexOf(false);
			assertThat(concurrent.subList(present, concurrent.size())).as("records after the copy's snapshot")
				.doesNotContain(true);
		}
		assertThat(backup.resolve("kafka")).as("only stores are copied").doesNotExist();
	}

	@Test
	void theFilesKeptBesideAStoreAreBackedUpAndRestoredButNotUnfinishedUploads() throws Exception {
		Path data = this.temp.resolve("data");
		Path backup = this.temp.resolve("backup");
		Path uploads = data.resolve("crm-service/uploads");
		try (Store crm = Store.open(StoreOptions.at(data.resolve("crm-service")))) {
			putAll(crm, crm.collection("files", Codec.utf8(), Codec.utf8()), 0, 1);
			Files.createDirectories(uploads.resolve("images"));
			Files.createDirectories(uploads.resolve("tmp"));
			Files.write(uploads.resolve("images/01FILE"), new byte[] { 1, 2, 3 });
			Files.write(uploads.resolve("tmp/upload-1.part"), new byte[] { 9 });
			assertThat(storeBackup("backup", data, backup).exitCode()).isZero();
		}
		assertThat(backup.resolve("crm-service/uploads/images/01FILE")).hasBinaryContent(new byte[] { 1, 2, 3 });
		assertThat(backup.resolve("crm-service/uploads/tmp")).doesNotExist();
		deleteRecursively(data);
		assertThat(storeBackup("restore", data, backup).exitCode()).isZero();
		assertThat(uploads.resolve("images/01FILE")).hasBinaryContent(new byte[] { 1, 2, 3 });
	}

	@Test
	void aBackupIntoADirectoryThatAlreadyHoldsTheStoreIsRefused() throws Exception {
		Path data = this.temp.resolve("data");
		Path backup = this.temp.resolve("backup");
		try (Store crm = Store.open(StoreOptions.at(data.resolve("crm-service")))) {
			putAll(crm, crm.collection("contacts", Codec.utf8(), Codec.utf8()), 0, 3);
			assertThat(storeBackup("backup", data, backup).exitCode()).isZero();
			Run again = storeBackup("backup", data, backup);
			assertThat(again.exitCode()).isNotZero();
			assertThat(again.output()).contains("already holds");
		}
		assertThatThrownBy(() -> StoreBackup.restore(this.temp.resolve("empty"), data))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static void putAll(Store store, Collection<String, String> collection, int from, int to) {
		store.write((txn) -> {
			IntStream.range(from, to).forEach((i) -> collection.put(txn, key(i), "contact " + i));
			return to;
		}).block();
	}

	private static String key(int i) {
		return "k%05d".formatted(i);
	}

	record Run(int exitCode, String output) {
	}

	private static Run storeBackup(String command, Path data, Path backup) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(
				List.of(java, "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-exports",
						"java.base/sun.nio.ch=ALL-UNNAMED", "-Xmx64m", "-cp", System.getProperty("java.class.path"),
						StoreBackup.class.getName(), command, data.toString(), backup.toString()))
			.redirectErrorStream(true)
			.start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), output);
	}

	private static void deleteRecursively(Path dir) throws Exception {
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

}
