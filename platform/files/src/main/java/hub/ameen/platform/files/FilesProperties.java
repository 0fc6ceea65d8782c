package hub.ameen.platform.files;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where a service keeps its files and how much it accepts.
 *
 * @param path the uploads directory; by default {@code uploads} inside the store's
 * directory ({@code hub.store.path}), so that the files travel with the store
 * @param maxSize the largest file; a bigger upload is cut off while it streams with a 413
 * (the request body limit, {@code hub.web.max-body-size}, must leave room for it)
 * @param maxPerRecord the most files one record may have (409 beyond)
 * @param quotaPerUser the most bytes one user may have uploaded (413 beyond)
 * @param cleanupInterval how often the cleanup runs
 * @param staleAfter how old a temporary file, or a file without metadata, must be before
 * the cleanup removes it
 */
@Validated
@ConfigurationProperties("hub.files")
public record FilesProperties(Path path, @NotNull @DefaultValue("20MB") DataSize maxSize,
		@Min(1) @DefaultValue("50") int maxPerRecord, @NotNull @DefaultValue("1GB") DataSize quotaPerUser,
		@NotNull @DefaultValue("1h") Duration cleanupInterval, @NotNull @DefaultValue("1h") Duration staleAfter) {

	/** The settings with defaults, files under the directory: for tests and tools. */
	public static FilesProperties at(Path path) {
		return new FilesProperties(path, DataSize.ofMegabytes(20), 50, DataSize.ofGigabytes(1), Duration.ofHours(1),
				Duration.ofHours(1));
	}

	/** The same settings with another size limit. */
	public FilesProperties withMaxSize(DataSize maxSize) {
		return new FilesProperties(this.path, maxSize, this.maxPerRecord, this.quotaPerUser, this.cleanupInterval,
				this.staleAfter);
	}

	/** The same settings with other per-record and per-user limits. */
	public FilesProperties withLimits(int maxPerRecord, DataSize quotaPerUser) {
		return new FilesProperties(this.path, this.maxSize, maxPerRecord, quotaPerUser, this.cleanupInterval,
				this.staleAfter);
	}

}
