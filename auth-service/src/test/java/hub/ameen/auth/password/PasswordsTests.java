package hub.ameen.auth.password;

import hub.ameen.platform.security.Passwords;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub's password hashing and policy, from platform-security, as auth-service relies
 * on them.
 */
class PasswordsTests {

	final PasswordEncoder encoder = Passwords.encoder();

	@Test
	void hashesAreArgon2idAndSalted() {
		String hash = this.encoder.encode("correct horse battery");

		assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain("correct horse battery");
		assertThat(this.encoder.encode("correct horse battery")).isNotEqualTo(hash);
		assertThat(this.encoder.matches("correct horse battery", hash)).isTrue();
		assertThat(this.encoder.matches("correct horse batterY", hash)).isFalse();
	}

	@Test
	void bcryptHashesStillMatchAndUnknownOnesNever() {
		String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder().encode("an old password");

		assertThat(this.encoder.matches("an old password", bcrypt)).isTrue();
		assertThat(this.encoder.matches("an old password", "an old password")).isFalse();
		assertThat(this.encoder.matches("x", "{noop}x")).isFalse();
	}

	@Test
	void policyWantsTwelveToOneHundredTwentyEightCharactersOtherThanTheEmail() {
		assertThat(Passwords.violations("twelve chars", "ada@example.com")).isEmpty();
		assertThat(Passwords.violations("x".repeat(128), "ada@example.com")).isEmpty();
		assertThat(Passwords.violations("eleven char", "ada@example.com")).hasSize(1);
		assertThat(Passwords.violations("x".repeat(129), "ada@example.com")).hasSize(1);
		assertThat(Passwords.violations(null, "ada@example.com")).hasSize(1);
		assertThat(Passwords.violations("ADA@example.COM", "ada@example.com"))
			.containsExactly("must not be the email address");
	}

}
