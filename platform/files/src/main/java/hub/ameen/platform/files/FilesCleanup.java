package hub.ameen.platform.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Removes what an interrupted upload leaves: temporary files, and kept files that no
 * metadata names (a crash between the move and the commit, or after a detach), once they
 * are older than {@link FilesProperties#staleAfter()} so that an upload still in flight
 * is never touched. Runs every {@link FilesProperties#cleanupInterval()} on a thread of
 * its own, and on demand through {@link #clean()}.
 */
public final class FilesCleanup implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(FilesCleanup.class);

	private final Attachments attachments;

	private final FilesProperties properties;

	private final Clock clock;

	private ScheduledExecutorService timer;

	public FilesCleanup(Attachments attachments, FilesProperties properties, Clock clock) {
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

	private void cleanLogged() {
		try {
			int removed = clean();
			if (removed > 0) {
				logger.info("Removed {} unfinished or orphaned files", removed);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("The files cleanup failed; will try again in {}", this.properties.cleanupInterval(), ex);
		}
	}

	@Override
	public synchronized void start() {
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "files-cleanup");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.properties.cleanupInterval().toMillis();
		this.timer.scheduleWithFixedDelay(this::cleanLogged, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.timer != null) {
			this.timer.shutdownNow();
			this.timer = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.timer != null;
	}

}
