package hub.ameen.platform.store;

import java.nio.file.Path;

/**
 * How to open a store.
 *
 * @param path the directory of the LMDB environment (created if missing)
 * @param initialMapSize the initial map size in bytes; the map doubles when full
 * @param maxCollections the most named databases (collections plus their indexes)
 * @param maxBatch the most queued writes committed together
 */
public record StoreOptions(Path path, long initialMapSize, int maxCollections, int maxBatch) {

	public static final long DEFAULT_MAP_SIZE = 64L * 1024 * 1024;

	public StoreOptions {
		if (initialMapSize < 1024 * 1024) {
			throw new IllegalArgumentException("initialMapSize must be at least 1 MiB");
		}
		if (maxCollections < 1 || maxBatch < 1) {
			throw new IllegalArgumentException("maxCollections and maxBatch must be positive");
		}
	}

	public static StoreOptions at(Path path) {
		return new StoreOptions(path, DEFAULT_MAP_SIZE, 128, 512);
	}

	public StoreOptions withInitialMapSize(long bytes) {
		return new StoreOptions(this.path, bytes, this.maxCollections, this.maxBatch);
	}

}
