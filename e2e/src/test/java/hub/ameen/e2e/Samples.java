package hub.ameen.e2e;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Files as users upload them: real PNG images (each seed its own pixels, so its own
 * SHA-256), PDF documents of any size, and a real executable to rename.
 */
final class Samples {

	private Samples() {
	}

	/** A real 16x16 PNG whose pixels come from the seed. */
	static byte[] png(long seed) {
		BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(seed);
		for (int x = 0; x < 16; x++) {
			for (int y = 0; y < 16; y++) {
				image.setRGB(x, y, random.nextInt(0x1000000));
			}
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

	/** A PDF header followed by seeded bytes, {@code size} bytes in all. */
	static byte[] pdf(int size, long seed) {
		byte[] pdf = new byte[size];
		new Random(seed).nextBytes(pdf);
		byte[] header = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(header, 0, pdf, 0, Math.min(header.length, size));
		return pdf;
	}

	/** The first 64 KB of the JVM's own launcher: an executable of this machine. */
	static byte[] executable() {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		try (var in = Files.newInputStream(java)) {
			return in.readNBytes(64 * 1024);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A PNG as the only part of an upload form. */
	static Api.Multipart pngForm(String name, long seed) {
		return new Api.Multipart().file("file", name, "image/png", png(seed));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
