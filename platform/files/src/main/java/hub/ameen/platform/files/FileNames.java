package hub.ameen.platform.files;

import java.nio.charset.StandardCharsets;

import hub.ameen.platform.web.BadRequestException;

/**
 * The names clients give their files: kept only as a label (a file on disk is named by
 * its id), cleaned of any directory part, refused when they hide something, and written
 * back per RFC 6266 with an ASCII fallback and the UTF-8 name per RFC 5987.
 */
public final class FileNames {

	/** The longest name kept, in characters. */
	public static final int MAX_LENGTH = 255;

	private FileNames() {
	}

	/**
	 * The name to keep: the last segment of a path ({@code ../../etc/passwd} is
	 * {@code passwd}), stripped.
	 * @param original the name the client sent
	 * @return the name, never blank
	 * @throws BadRequestException when the name is missing, too long, or holds control or
	 * direction-changing characters
	 */
	public static String clean(String original) {
		if (original == null) {
			throw new BadRequestException("The file part has no file name");
		}
		original.codePoints().filter(FileNames::hidden).findFirst().ifPresent((c) -> {
			throw new BadRequestException(
					"The file name holds a control or text-direction character (U+%04X)".formatted(c));
		});
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			throw new BadRequestException("The file name is empty");
		}
		if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
			throw new BadRequestException("The file name is longer than " + MAX_LENGTH + " characters");
		}
		return name;
	}

	/** The name's extension, lower case, without the dot; empty when it has none. */
	static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
	}

	/**
	 * A {@code Content-Disposition} value for the name.
	 * @param name the kept name
	 * @param inline whether the browser may show it rather than save it
	 * @return e.g. {@code attachment; filename="____.pdf"; filename*=UTF-8''%D8%B9...}
	 */
	public static String contentDisposition(String name, boolean inline) {
		return (inline ? "inline" : "attachment") + "; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''"
				+ rfc5987(name);
	}

	private static String asciiFallback(String name) {
		StringBuilder out = new StringBuilder(name.length());
		name.codePoints().forEach((c) -> out.append((c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? (char) c : '_'));
		return out.toString();
	}

	private static String rfc5987(String name) {
		StringBuilder out = new StringBuilder();
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if (attrChar(c)) {
				out.append((char) c);
			}
			else {
				out.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
			}
		}
		return out.toString();
	}

	private static boolean attrChar(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "!#$&+-.^_`|~".indexOf(c) >= 0;
	}

	/** Control characters, and the marks that reorder how text is shown. */
	private static boolean hidden(int c) {
		return Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E
				|| c == 0x200F || c == 0x061C || c == 0xFEFF;
	}

}
