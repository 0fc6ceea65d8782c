package hub.ameen.platform.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.lmdbjava.CopyFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;

/**
 * Backs up every store under a data directory while their services run, and restores them
 * while they are stopped: {@code ./hub backup DIR} and {@code ./hub restore DIR}. A
 * backup opens each environment from this separate process and writes a compacted copy of
 * one read transaction (mdb_env_copy2), so it is consistent without stopping the writer.
 * The files a service keeps beside its store ({@code <store>/uploads/<folder>/}, see
 * platform-files) are copied after the store, so that every file the copied metadata
 * names was there to copy (files are never changed in place; unfinished uploads in
 * {@code uploads/tmp} are left out). <pre>
 * java --add-opens java.base/java.nio=ALL-UNNAMED --add-exports java.base/sun.nio.ch=ALL-UNNAMED \
 *   -cp ... hub.ameen.platform.store.StoreBackup backup|restore DATA_DIR BACKUP_DIR
 * </pre>
 */
public final class StoreBackup {

	private static final String DATA_FILE = "data.mdb";

	private static final String UPLOADS = "uploads";

	private static final String UNFINISHED = "tmp";

	private StoreBackup() {
	}

	public static void main(String[] args) {
		if (args.length != 3 || !List.of("backup", "restore").contains(args[0])) {
			System.err.println("usage: StoreBackup backup|restore DATA_DIR BACKUP_DIR");
			System.exit(2);
		}
		Path data = Path.of(args[1]).toAbsolutePath();
		Path backup = Path.of(args[2]).toAbsolutePath();
		List<String> stores = args[0].equals("backup") ? backup(data, backup) : restore(backup, data);
		System.out.println(args[0] + ": " + String.join(" ", stores));
	}

	/**
	 * Copies each store (a directory of {@code dataDir} holding {@code data.mdb}) into
	 * {@code backupDir/<store>/}; the backup directory must not hold a store yet.
	 * @return the stores copied
	 */
	public static List<String> backup(Path dataDir, Path backupDir) {
		List<String> copied = new ArrayList<>();
		for (Path store : stores(dataDir)) {
			Path target = backupDir.resolve(store.getFileName());
			if (Files.exists(target.resolve(DATA_FILE))) {
				throw new IllegalArgumentException("the backup already holds " + target);
			}
			createDirectories(target);
			// no write transaction is ever begun here; the lock file coordinates readers
			// with
			// the service's writer, and the map size is the file's own
			try (Env<ByteBuffer> env = Env.create().setMaxDbs(0).open(store.toFile(), EnvFlags.MDB_NOTLS)) {
				env.copy(target.toFile(), CopyFlags.MDB_CP_COMPACT);
			}
			copyUploads(store.resolve(UPLOADS), target.resolve(UPLOADS));
			copied.add(store.getFileName().toString());
		}
		return copied;
	}

	/**
	 * Puts each store of a backup back into {@code dataDir/<store>/}, replacing the store
	 * there. Its service must be stopped.
	 * @return the stores restored
	 */
	public static List<String> restore(Path backupDir, Path dataDir) {
		List<String> restored = new ArrayList<>();
		List<Path> stores = stores(backupDir);
		if (stores.isEmpty()) {
			throw new IllegalArgumentException("no store in " + backupDir);
		}
		for (Path store : stores) {
			Path target = dataDir.resolve(store.getFileName());
			createDirectories(target);
			try {
				Path incoming = target.resolve(DATA_FILE + ".restoring");
				Files.copy(store.resolve(DATA_FILE), incoming, StandardCopyOption.REPLACE_EXISTING);
				Files.deleteIfExists(target.resolve("lock.mdb"));
				Files.move(incoming, target.resolve(DATA_FILE), StandardCopyOption.REPLACE_EXISTING,
						StandardCopyOption.ATOMIC_MOVE);
				copyUploads(store.resolve(UPLOADS), target.resolve(UPLOADS));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			restored.add(store.getFileName().toString());
		}
		return restored;
	}

	/**
	 * Copies each folder of kept files (not the unfinished uploads), replacing files of
	 * the same name.
	 */
	private static void copyUploads(Path from, Path to) {
		if (!Files.isDirectory(from)) {
			return;
		}
		try (Stream<Path> folders = Files.list(from)) {
			for (Path folder : folders.filter(Files::isDirectory)
				.filter((folder) -> !folder.getFileName().toString().equals(UNFINISHED))
				.toList()) {
				Path target = to.resolve(folder.getFileName());
				createDirectories(target);
				try (Stream<Path> files = Files.list(folder)) {
					for (Path file : files.filter(Files::isRegularFile).toList()) {
						copyIfStillThere(file, target.resolve(file.getFileName()));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A file deleted while the backup runs (a detach) is simply not copied. */
	private static void copyIfStillThere(Path file, Path target) throws IOException {
		try {
			Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
		}
		catch (java.nio.file.NoSuchFileException ex) {
			// removed since it was listed
		}
	}

	private static List<Path> stores(Path root) {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(root)) {
			return entries.filter((dir) -> Files.isRegularFile(dir.resolve(DATA_FILE))).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void createDirectories(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
