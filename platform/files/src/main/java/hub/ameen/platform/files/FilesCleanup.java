package hub.ameen.platform.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import hub.ameen.platform.web.chore.Chore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what an interrupted upload leaves: temporary files, and kept files that no
 * metadata names (a crash between the move and the commit, or after a detach), once they
 * are older than {@link FilesProperties#staleAfter()} so that an upload still in flight
 * is never touched. Runs every {@link FilesProperties#cleanupInterval()} on a thread of
 * its own, and on demand through {@link #clean()}.
 */
public final class FilesCleanup extends Chore {

	private static final Logger logger = LoggerFactory.getLogger(FilesCleanup.class);

	private final Attachments attachments;

	private final FilesProperties properties;

	private final Clock clock;

	public FilesCleanup(Attachments attachments, FilesProperties properties, Clock clock) {
		super("files-cleanup", properties.cleanupInterval());
		this.attachments = attachments;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Removes stale temporary files and stale files without metadata.
	 * @return how many files it removed
	 */
	public int clean() {
		Instant cutoff = this.clock.instant().minus(this.properties.staleAfter());
		int removed = removeStale(this.attachments.temporary(), cutoff, false);
		for (String folder : Attachments.FOLDERS) {
			removed += removeStale(this.attachments.root().resolve(folder), cutoff, true);
		}
		return removed;
	}

	private int removeStale(Path folder, Instant cutoff, boolean onlyOrphans) {
		List<Path> stale;
		try (Stream<Path> files = Files.list(folder)) {
			stale = files.filter((file) -> olderThan(file, cutoff))
				.filter((file) -> !onlyOrphans || !this.attachments.isRecorded(file.getFileName().toString()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		stale.forEach(Attachments::deleteNow);
		return stale.size();
	}

	private static boolean olderThan(Path file, Instant cutoff) {
		try {
			return Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	protected void runOnce() {
		int removed = clean();
		if (removed > 0) {
			logger.info("Removed {} unfinished or orphaned files", removed);
		}
	}

}
