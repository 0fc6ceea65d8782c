package hub.ameen.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Tells what a file is from its bytes (Tika core's magic numbers, no parsers) and checks
 * that its name and declared type agree, that its use accepts it, and that it carries no
 * markup a browser could run. Blocking: call it off the event loop.
 */
final class ContentCheck {

	private static final int SCANNED_BYTES = 64 * 1024;

	private static final List<String> MARKUP = List.of("<script", "<html", "<svg", "<iframe", "<?php", "<!doctype html",
			"<body", "<object", "<embed");

	private final MimeTypes types = MimeTypes.getDefaultMimeTypes();

	private final MediaTypeRegistry registry = this.types.getMediaTypeRegistry();

	/**
	 * The type of the file's content, if the use accepts it.
	 * @param file the received bytes
	 * @param name the file's (clean) name
	 * @param declared the type the client declared, or null
	 * @param use what the file is for
	 * @return the detected type, e.g. {@code image/png}
	 * @throws FileProblems.Unsupported (415) when it is not acceptable
	 */
	String check(Path file, String name, String declared, FileUse use) {
		MediaType byContent = detect(file, null);
		if (byContent.equals(MediaType.OCTET_STREAM)) {
			throw new FileProblems.Unsupported("The content of the file is of no type accepted here");
		}
		MediaType detected = detect(file, name);
		String type = detected.toString();
		if (!use.accepts(type)) {
			throw new FileProblems.Unsupported("Files of type " + type + " are not accepted here");
		}
		if (!agrees(detect(null, name), detected)) {
			throw new FileProblems.Unsupported("The content is " + type
					+ ", which does not match the name's extension ." + FileNames.extension(name));
		}
		if (declared != null && !agrees(MediaType.parse(declared), detected)) {
			throw new FileProblems.Unsupported("The part declares " + declared + " but its content is " + type);
		}
		if (!type.startsWith("text/") && carriesMarkup(file)) {
			throw new FileProblems.Unsupported("The file carries markup or script inside its " + type + " content");
		}
		return type;
	}

	private boolean agrees(MediaType claimed, MediaType detected) {
		if (claimed == null) {
			return true;
		}
		MediaType base = this.registry.normalize(claimed).getBaseType();
		return base.equals(MediaType.OCTET_STREAM) || base.equals(detected)
				|| this.registry.isSpecializationOf(detected, base);
	}

	private MediaType detect(Path file, String name) {
		Metadata metadata = new Metadata();
		if (name != null) {
			metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
		}
		try (InputStream in = (file != null) ? TikaInputStream.get(file) : null) {
			return this.registry.normalize(this.types.detect(in, metadata)).getBaseType();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean carriesMarkup(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			String head = new String(in.readNBytes(SCANNED_BYTES), StandardCharsets.ISO_8859_1)
				.toLowerCase(Locale.ROOT);
			return MARKUP.stream().anyMatch(head::contains);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
