package hub.ameen.platform.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a writing JVM with SIGKILL and proves that the reopened store holds every
 * transaction it acknowledged, and no part of any transaction it did not commit.
 */
class CrashTests {

	static final int WRITERS = 4;

	static final int RECORDS_PER_TXN = 20;

	@TempDir
	Path dir;

	@Test
	void killMinusNineLosesNoCommittedTransactionAndLeavesNoHalfWrittenOne() throws Exception {
		Path storeDir = this.dir.resolve("store");
		Process child = startWriter(storeDir);
		Map<Integer, Integer> acknowledged = new HashMap<>();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			int lines = 0;
			while ((line = out.readLine()) != null && lines++ < 400) {
				if (!line.startsWith("ack ")) {
					continue; // the child's log lines
				}
				String[] parts = line.split(" ");
				acknowledged.merge(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), Math::max);
			}
		}
		finally {
			child.destroyForcibly(); // SIGKILL: no shutdown hook, no close (and never
										// left running)
		}
		assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(acknowledged).hasSize(WRITERS);

		try (Store store = Store.open(StoreOptions.at(storeDir))) {
			Collection<String, String> records = store.collection("records", Codec.utf8(), Codec.utf8());
			for (int writer = 0; writer < WRITERS; writer++) {
				int w = writer;
				int last = Integer.parseInt(records.get("last-" + w).orElseThrow());
				assertThat(last).as("writer %d kept every acknowledged txn", w)
					.isGreaterThanOrEqualTo(acknowledged.get(w));
				List<String> missing = new ArrayList<>();
				List<String> extra = new ArrayList<>();
				store.read((txn) -> {
					for (int t = 0; t <= last + 1; t++) {
						for (int r = 0; r < RECORDS_PER_TXN; r++) {
							String key = CrashWriter.key(w, t, r);
							boolean present = records.contains(txn, key);
							if (t <= last && !present) {
								missing.add(key);
							}
							if (t > last && present) {
								extra.add(key);
							}
						}
					}
					return null;
				});
				assertThat(missing).as("records of committed txns").isEmpty();
				assertThat(extra).as("records of a txn that did not commit").isEmpty();
			}
		}
	}

	private static Process startWriter(Path storeDir) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "--add-opens", "java.base/java.nio=ALL-UNNAMED",
				"--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED", "-Xmx64m", "-cp",
				System.getProperty("java.class.path"), CrashWriter.class.getName(), storeDir.toString(),
				String.valueOf(WRITERS), String.valueOf(RECORDS_PER_TXN)));
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
	}

}
