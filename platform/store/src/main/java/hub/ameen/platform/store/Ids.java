package hub.ameen.platform.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.function.Function;

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
		return new UUID(longAt(hash, 0), longAt(hash, 8)).toString();
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
		return grouped(group).apply(member);
	}

	/**
	 * The {@link #grouped(String, String) grouped ids} of one group's members, the
	 * group's half hashed once.
	 */
	public static Function<String, String> grouped(String group) {
		long high = (longAt(md5.get().digest(group.getBytes(StandardCharsets.UTF_8)), 0) & ~0xF000L) | 0x8000L;
		return (member) -> {
			long low = longAt(md5.get().digest(member.getBytes(StandardCharsets.UTF_8)), 0);
			return new UUID(high, (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L).toString();
		};
	}

	/** Whether the id is a {@link #grouped(String, String) grouped} one: version 8. */
	public static boolean isGrouped(String id) {
		return id.length() == 36 && id.charAt(14) == '8';
	}

	private static long longAt(byte[] bytes, int from) {
		long value = 0;
		for (int i = from; i < from + Long.BYTES; i++) {
			value = (value << 8) | (bytes[i] & 0xFF);
		}
		return value;
	}

}
