package hub.ameen.platform.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

/**
 * Real files of the kinds the tests upload, made on the spot.
 */
final class Samples {

	private Samples() {
	}

	/** A real PNG of the given width, a few hundred bytes or more. */
	static byte[] png(int width) {
		BufferedImage image = new BufferedImage(width, 16, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			image.setRGB(x, x % 16, 0x00C0FFEE + x);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The start of a Windows executable: the MZ header and the PE signature. */
	static byte[] executable() {
		byte[] bytes = new byte[512];
		bytes[0] = 'M';
		bytes[1] = 'Z';
		bytes[0x3C] = (byte) 0x80;
		bytes[0x80] = 'P';
		bytes[0x81] = 'E';
		return bytes;
	}

	static byte[] html() {
		return "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);
	}

	/** A PNG with a script appended: an image to the detector, markup to a sniffer. */
	static byte[] polyglot() {
		byte[] png = png(8);
		byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII);
		byte[] both = Arrays.copyOf(png, png.length + script.length);
		System.arraycopy(script, 0, both, png.length, script.length);
		return both;
	}

	static byte[] pdf() {
		return "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] text() {
		return "Minutes of the meeting\nAll agreed.\n".getBytes(StandardCharsets.UTF_8);
	}

}
