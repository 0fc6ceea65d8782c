package hub.ameen.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How the hub hashes and judges passwords: Argon2id hashes prefixed {@code {argon2}}
 * (BCrypt {@code {bcrypt}} hashes still match), and the policy every new password meets.
 */
public final class Passwords {

	/** The shortest password accepted, in characters. */
	public static final int MIN_LENGTH = 12;

	/** The longest password accepted, in characters. */
	public static final int MAX_LENGTH = 128;

	private static final String ARGON2 = "argon2";

	private static final PasswordEncoder ENCODER = createEncoder();

	private Passwords() {
	}

	/**
	 * The encoder of every password hash: encodes with Argon2id (Spring Security 5.8
	 * defaults: 16 MiB, 2 iterations), matches {@code {argon2}} and {@code {bcrypt}}
	 * hashes, and never matches a hash without a known prefix.
	 * @return the shared, thread-safe encoder
	 */
	public static PasswordEncoder encoder() {
		return ENCODER;
	}

	/**
	 * What is wrong with a new password, as messages safe to show to its owner.
	 * @param password the new password
	 * @param email the owner's email, compared case-insensitively, may be {@code null}
	 * @return the violations; empty when the password is acceptable
	 */
	public static List<String> violations(String password, String email) {
		List<String> violations = new ArrayList<>(2);
		if (password == null) {
			violations.add("must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters long");
			return violations;
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			violations.add("must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters long");
		}
		if (email != null && password.trim().toLowerCase(Locale.ROOT).equals(email.trim().toLowerCase(Locale.ROOT))) {
			violations.add("must not be the email address");
		}
		return violations;
	}

	private static PasswordEncoder createEncoder() {
		Map<String, PasswordEncoder> encoders = Map.of(ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
				"bcrypt", new BCryptPasswordEncoder());
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(ARGON2, encoders);
		encoder.setDefaultPasswordEncoderForMatches(new NeverMatches());
		return encoder;
	}

	/** Answers no for a hash without a known {@code {id}} prefix, rather than failing. */
	private static final class NeverMatches implements PasswordEncoder {

		@Override
		public String encode(CharSequence rawPassword) {
			throw new UnsupportedOperationException("encode with Passwords.encoder()");
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			return false;
		}

	}

}
