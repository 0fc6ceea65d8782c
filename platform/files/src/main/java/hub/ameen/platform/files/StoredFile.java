package hub.ameen.platform.files;

import java.time.Instant;

import hub.ameen.platform.events.EventType;
import hub.ameen.platform.events.Topics;

/**
 * What is known of one kept file, and the payload of its events. The bytes live at
 * {@code uploads/<folder>/<id>}, the folder following the detected type.
 *
 * @param id the server-made name of the file (a time-ordered id)
 * @param ownerType the kind of record it is attached to, e.g. {@code deal}
 * @param ownerId that record's id
 * @param name the name the uploader gave it, cleaned
 * @param contentType the type detected from its content
 * @param size its length in bytes
 * @param sha256 its SHA-256, lower-case hex (also its ETag)
 * @param uploaderId who uploaded it
 * @param createdAt when it was kept
 */
public record StoredFile(String id, String ownerType, String ownerId, String name, String contentType, long size,
		String sha256, String uploaderId, Instant createdAt) {

	/** A file was attached to a record. */
	public static final EventType<StoredFile> ATTACHED = EventType.named("file.attached").on(Topics.FILE);

	/**
	 * A file moved to another record of the same kind (a contact merged into another);
	 * its bytes stay as they were.
	 */
	public static final EventType<StoredFile> UPDATED = EventType.named("file.updated").on(Topics.FILE);

	/** A file was removed from its record (or with it); its bytes are deleted. */
	public static final EventType<StoredFile> DETACHED = EventType.named("file.detached").on(Topics.FILE);

	StoredFile ownedBy(String newOwnerId) {
		return new StoredFile(this.id, this.ownerType, newOwnerId, this.name, this.contentType, this.size, this.sha256,
				this.uploaderId, this.createdAt);
	}

	String folder() {
		return FileUse.folderOf(this.contentType);
	}

	String ownerKey() {
		return ownerKey(this.ownerType, this.ownerId);
	}

	static String ownerKey(String ownerType, String ownerId) {
		return ownerType + "/" + ownerId;
	}

}
