package hub.ameen.notification.stream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import hub.ameen.platform.security.CurrentUser;

/**
 * One-time tickets that let a browser open the stream without a long-lived token in the
 * URL: bound to one user and the permissions they held, valid for a short time, spent on
 * first use. A ticket carries all of that itself, signed with HMAC-SHA256 under a secret
 * the instances share ({@code HUB_STREAM_TICKET_SECRET}), so any instance can redeem what
 * another issued; each instance remembers the tickets spent on it until they expire. The
 * residual risk: within its lifetime, a ticket could be spent once on each instance
 * (docs/decisions/0008-notification-service-instances.md).
 */
class StreamTickets {

	/**
	 * Above this many remembered spent tickets, spending one first forgets the expired.
	 */
	private static final int PURGE_THRESHOLD = 1024;

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final Map<String, Instant> spent = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private final Duration ttl;

	private final SecretKeySpec key;

	/**
	 * @param secret the key the instances share, at least 32 bytes
	 */
	StreamTickets(Clock clock, Duration ttl, byte[] secret) {
		if (secret.length < 32) {
			throw new IllegalArgumentException("The stream ticket secret must be at least 32 bytes");
		}
		this.clock = clock;
		this.ttl = ttl;
		this.key = new SecretKeySpec(secret, ALGORITHM);
	}

	/** Tickets that only this instance can redeem: a random secret of its own. */
	static byte[] randomSecret() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return secret;
	}

	Duration ttl() {
		return this.ttl;
	}

	/**
	 * A new ticket for the user, who opens the stream with the permissions they hold now:
	 * {@code <claims>.<signature>}, both base64url, the claims led by 128 random bits.
	 */
	String issue(CurrentUser user) {
		byte[] nonce = new byte[16];
		this.random.nextBytes(nonce);
		byte[] claims = claims(nonce, this.clock.instant().plus(this.ttl), user);
		return ENCODER.encodeToString(claims) + "." + ENCODER.encodeToString(sign(claims));
	}

	/**
	 * Spends the ticket: the user it was issued to, or empty if it is malformed, not
	 * signed with the shared secret, spent here before or expired.
	 */
	Optional<CurrentUser> redeem(String ticket) {
		int dot = (ticket != null) ? ticket.indexOf('.') : -1;
		if (dot < 0 || ticket.length() > 8192) {
			return Optional.empty();
		}
		byte[] claims;
		byte[] signature;
		try {
			claims = DECODER.decode(ticket.substring(0, dot));
			signature = DECODER.decode(ticket.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (!MessageDigest.isEqual(sign(claims), signature)) {
			return Optional.empty();
		}
		Claims read = Claims.read(claims);
		Instant now = this.clock.instant();
		if (read == null || !now.isBefore(read.expiresAt())) {
			return Optional.empty();
		}
		if (this.spent.size() >= PURGE_THRESHOLD) {
			purgeExpired();
		}
		if (this.spent.putIfAbsent(read.nonce(), read.expiresAt()) != null) {
			return Optional.empty();
		}
		return Optional.of(read.user());
	}

	/** Spent tickets remembered until they expire. */
	int outstanding() {
		return this.spent.size();
	}

	void purgeExpired() {
		Instant now = this.clock.instant();
		this.spent.values().removeIf((expiresAt) -> !now.isBefore(expiresAt));
	}

	private byte[] sign(byte[] claims) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac.doFinal(claims);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private static byte[] claims(byte[] nonce, Instant expiresAt, CurrentUser user) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.write(nonce);
			out.writeLong(expiresAt.toEpochMilli());
			out.writeUTF(user.id());
			out.writeBoolean(user.email() != null);
			if (user.email() != null) {
				out.writeUTF(user.email());
			}
			out.writeShort(user.perms().size());
			for (String permission : user.perms()) {
				out.writeUTF(permission);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** What a ticket says, read back from its signed bytes. */
	private record Claims(String nonce, Instant expiresAt, CurrentUser user) {

		static Claims read(byte[] claims) {
			try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(claims))) {
				byte[] nonce = in.readNBytes(16);
				Instant expiresAt = Instant.ofEpochMilli(in.readLong());
				String id = in.readUTF();
				String email = in.readBoolean() ? in.readUTF() : null;
				int count = in.readUnsignedShort();
				Set<String> perms = new LinkedHashSet<>();
				for (int i = 0; i < count; i++) {
					perms.add(in.readUTF());
				}
				return new Claims(ENCODER.encodeToString(nonce), expiresAt, new CurrentUser(id, email, perms));
			}
			catch (IOException ex) {
				return null;
			}
		}

	}

}
