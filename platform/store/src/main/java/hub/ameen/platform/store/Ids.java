package hub.ameen.platform.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Opaque ids that sort by creation time: 48 bits of milliseconds then 80 random bits, in
 * Crockford base32 (26 characters, like a ULID). Keys made of them keep insertion order,
 * which makes "newest first" pages a plain descending scan.
 */
public final class Ids {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom random = new SecureRandom();

	/**
	 * Each thread's MD5: looking the algorithm up cost five times the digest itself, for
	 * every name-based id (one per recipient of a broadcast).
	 */
	private static final ThreadLocal<MessageDigest> md5 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is required of every Java platform", ex);
		}
	});

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

	/**
	 * The name-based (version 3) UUID of the name's UTF-8 bytes, as text: what
	 * {@code UUID.nameUUIDFromBytes(name.getBytes(UTF_8)).toString()} gives, so the same
	 * on every instance that names the same thing, without looking MD5 up each time.
	 */
	public static String named(String name) {
		byte[] hash = md5.get().digest(name.getBytes(StandardCharsets.UTF_8));
		hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
		hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
		long high = 0;
		long low = 0;
		for (int i = 0; i < 8; i++) {
			high = (high << 8) | (hash[i] & 0xFF);
			low = (low << 8) | (hash[i + 8] & 0xFF);
		}
		return new UUID(high, low).toString();
	}

	/**
	 * A name-based id that sorts with the other members of its group: a version 8 UUID
	 * (RFC 9562's custom layout) whose first half is made from the group's name and its
	 * second from the member's, each from its MD5, so the same on every instance that
	 * names the same pair. Ids of one group share their first 19 characters, so an index
	 * keyed by them keeps a group's entries on a few neighbouring pages, not one random
	 * page each (a notification's id, grouped by the event it came from: decision 0007,
	 * twenty-eighth round). 60 bits of the first half and 62 of the second are the
	 * hashes'.
	 */
	public static String grouped(String group, String member) {
		long high = firstLong(md5.get().digest(group.getBytes(StandardCharsets.UTF_8)));
		long low = firstLong(md5.get().digest(member.getBytes(StandardCharsets.UTF_8)));
		high = (high & ~0xF000L) | 0x8000L;
		low = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(high, low).toString();
	}

	private static long firstLong(byte[] hash) {
		long value = 0;
		for (int i = 0; i < 8; i++) {
			value = (value << 8) | (hash[i] & 0xFF);
		}
		return value;
	}

}
