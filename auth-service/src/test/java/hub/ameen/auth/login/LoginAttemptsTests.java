package hub.ameen.auth.login;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import hub.ameen.platform.test.MutableClock;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lockout on real LMDB, with a clock the test moves through the cool-down.
 */
class LoginAttemptsTests {

	static final Duration LOCKOUT = Duration.ofMinutes(15);

	@TempDir
	Path dir;

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	Store store;

	LoginAttempts attempts;

	@BeforeEach
	void open() {
		this.store = Store.open(StoreOptions.at(this.dir.resolve("auth")));
		this.attempts = new LoginAttempts(this.store, JsonMapper.shared(), 5, LOCKOUT, this.clock);
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void theFifthFailureLocksForTheCoolDownWhatEverTheEmailsCase() {
		fail("Ada@Example.com", 4);
		assertThatNoException().isThrownBy(() -> this.attempts.checkNotLocked("ada@example.com"));

		fail("ada@example.com", 1);
		this.clock.advance(Duration.ofMinutes(5));

		assertThatThrownBy(() -> this.attempts.checkNotLocked("ADA@example.com")).isInstanceOfSatisfying(
				TooManyAttemptsException.class,
				(ex) -> assertThat(ex.getHeaders().getFirst("Retry-After")).isEqualTo("600"));
	}

	@Test
	void afterTheCoolDownTheCountStartsOver() {
		fail("ada@example.com", 5);
		this.clock.advance(LOCKOUT);

		this.attempts.checkNotLocked("ada@example.com");
		fail("ada@example.com", 4);
		this.attempts.checkNotLocked("ada@example.com");
		fail("ada@example.com", 1);
		assertThatThrownBy(() -> this.attempts.checkNotLocked("ada@example.com"))
			.isInstanceOf(TooManyAttemptsException.class);
	}

	@Test
	void failuresALockoutApartAreNotConsecutive() {
		fail("ada@example.com", 4);
		this.clock.advance(LOCKOUT);
		fail("ada@example.com", 1);

		this.attempts.checkNotLocked("ada@example.com");
	}

	@Test
	void clearingForgetsTheFailures() {
		fail("ada@example.com", 4);
		this.attempts.clear("ada@example.com").block();
		fail("ada@example.com", 4);

		this.attempts.checkNotLocked("ada@example.com");
	}

	@Test
	void pruningForgetsOnlyWhatNoLongerMatters() {
		fail("locked@example.com", 5);
		fail("old@example.com", 2);
		this.clock.advance(Duration.ofMinutes(10));
		fail("recent@example.com", 1);

		assertThat(this.attempts.prune()).isZero();
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(this.attempts.prune()).isEqualTo(2);
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.attempts.prune()).isEqualTo(1);
	}

	@Test
	void anEmailOfControlCharactersOnlyIsCountedAsNoneAndStoresNothing() {
		fail("\u0000", 5);
		fail(" \t\u001f ", 5);
		this.attempts.checkNotLocked("\u0000");
		this.attempts.clear("\u0000").block();

		assertThat(this.attempts.prune()).isZero();
		this.clock.advance(LOCKOUT.multipliedBy(2));
		assertThat(this.attempts.prune()).isZero();
	}

	private void fail(String email, int times) {
		for (int i = 0; i < times; i++) {
			this.attempts.recordFailure(email).block();
		}
	}

}
