package hub.ameen.platform.files;

import java.util.Set;

/**
 * What a file is for, and so which types of content it may have: never HTML, SVG, scripts
 * or executables.
 */
public enum FileUse {

	/** A user's picture: images only. */
	AVATAR,

	/** A file on a record: documents, images, audio and video. */
	ATTACHMENT;

	static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp",
			"image/tiff");

	static final Set<String> DOCUMENTS = Set.of("application/pdf", "text/plain", "text/csv", "application/rtf",
			"application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/vnd.ms-powerpoint",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation",
			"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
			"application/vnd.oasis.opendocument.presentation");

	/** Whether content of the (detected, normalised) type may be kept for this use. */
	boolean accepts(String type) {
		if (IMAGES.contains(type)) {
			return true;
		}
		return this == ATTACHMENT
				&& (DOCUMENTS.contains(type) || type.startsWith("audio/") || type.startsWith("video/"));
	}

	/** The folder under {@code uploads/} that keeps content of the type. */
	static String folderOf(String type) {
		if (type.startsWith("image/")) {
			return "images";
		}
		if (type.startsWith("video/")) {
			return "videos";
		}
		return DOCUMENTS.contains(type) ? "documents" : "others";
	}

	/** Whether a browser may show content of the type in the page rather than save it. */
	static boolean inline(String type) {
		return IMAGES.contains(type);
	}

}
