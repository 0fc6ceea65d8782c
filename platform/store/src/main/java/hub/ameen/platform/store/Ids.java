package hub.ameen.platform.store;

import java.security.SecureRandom;

/**
 * Opaque ids that sort by creation time: 48 bits of milliseconds then 80 random bits, in
 * Crockford base32 (26 characters, like a ULID). Keys made of them keep insertion order,
 * which makes "newest first" pages a plain descending scan.
 */
public final class Ids {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom random = new SecureRandom();

	private Ids() {
	}

	public static String next() {
		return at(System.currentTimeMillis());
	}

	static String at(long millis) {
		byte[] randomBits = new byte[10];
		random.nextBytes(randomBits);
		char[] out = new char[26];
		for (int i = 9; i >= 0; i--) {
			out[i] = ALPHABET[(int) (millis & 31)];
			millis >>>= 5;
		}
		long high = 0;
		long low = 0;
		for (int i = 0; i < 5; i++) {
			high = (high << 8) | (randomBits[i] & 0xFF);
			low = (low << 8) | (randomBits[i + 5] & 0xFF);
		}
		for (int i = 25; i >= 18; i--) {
			out[i] = ALPHABET[(int) (low & 31)];
			low >>>= 5;
		}
		for (int i = 17; i >= 10; i--) {
			out[i] = ALPHABET[(int) (high & 31)];
			high >>>= 5;
		}
		return new String(out);
	}

}
