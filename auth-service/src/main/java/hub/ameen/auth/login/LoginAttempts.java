package hub.ameen.auth.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import hub.ameen.auth.config.AuthProperties;
import hub.ameen.auth.projection.Accounts;
import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Store;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Consecutive failed logins per email, kept whether or not an account has that email (so
 * a lockout does not reveal which emails exist): after {@code max-failures} the email is
 * locked for {@code lockout}, and a success clears the count.
 */
@Component
public class LoginAttempts {

	private final Store store;

	private final Collection<String, Failures> failures;

	private final int maxFailures;

	private final Duration lockout;

	private final Clock clock;

	@Autowired
	LoginAttempts(Store store, JsonMapper mapper, AuthProperties properties, Clock clock) {
		this(store, mapper, properties.login().maxFailures(), properties.login().lockout(), clock);
	}

	LoginAttempts(Store store, JsonMapper mapper, int maxFailures, Duration lockout, Clock clock) {
		this.store = store;
		this.failures = store.collection("auth.login-failures", Codec.utf8(), Codec.json(mapper, Failures.class));
		this.maxFailures = maxFailures;
		this.lockout = lockout;
		this.clock = clock;
	}

	/**
	 * Refuses while the email is locked.
	 * @param email the email as typed
	 * @throws TooManyAttemptsException while locked, with the time left
	 */
	public void checkNotLocked(String email) {
		String key = Accounts.normalize(email);
		if (key == null) {
			return;
		}
		Instant now = this.clock.instant();
		this.failures.get(key).filter((found) -> found.isLockedAt(now)).ifPresent((found) -> {
			throw new TooManyAttemptsException(Duration.between(now, found.lockedUntil()));
		});
	}

	/**
	 * Counts a failure; the one that reaches {@code max-failures} locks the email.
	 * @param email the email as typed
	 * @return completes when counted
	 */
	public Mono<Void> recordFailure(String email) {
		String key = Accounts.normalize(email);
		if (key == null) {
			return Mono.empty();
		}
		return this.store.write((txn) -> {
			Instant now = this.clock.instant();
			Optional<Failures> current = this.failures.get(txn, key)
				.filter((found) -> !found.isStaleAt(now, this.lockout));
			int count = current.map(Failures::count).orElse(0) + 1;
			Instant lockedUntil = (count >= this.maxFailures) ? now.plus(this.lockout) : null;
			this.failures.put(txn, key, new Failures(count, now, lockedUntil));
			return count;
		}).then();
	}

	/**
	 * Clears the count after a success, or when an administrator sets a new password.
	 * @param email the email as typed
	 * @return completes when cleared
	 */
	public Mono<Void> clear(String email) {
		String key = Accounts.normalize(email);
		if (key == null || this.failures.get(key).isEmpty()) {
			return Mono.empty();
		}
		return this.store.write((txn) -> this.failures.delete(txn, key)).then();
	}

	/**
	 * Forgets counts that no longer matter: unlocked and older than a lockout.
	 * @return how many were forgotten
	 */
	@Scheduled(fixedDelayString = "${hub.auth.login.lockout:15m}", initialDelayString = "${hub.auth.login.lockout:15m}")
	int prune() {
		Instant now = this.clock.instant();
		List<String> stale = this.store.read((txn) -> {
			List<String> keys = new ArrayList<>();
			this.failures.forEach(txn, null, (key, found) -> {
				if (found.isStaleAt(now, this.lockout)) {
					keys.add(key);
				}
				return true;
			});
			return keys;
		});
		if (!stale.isEmpty()) {
			this.store.writeAndWait((txn) -> {
				stale.forEach((key) -> this.failures.delete(txn, key));
				return null;
			});
		}
		return stale.size();
	}

	/**
	 * Failed logins of one email.
	 *
	 * @param count consecutive failures
	 * @param lastFailureAt the latest
	 * @param lockedUntil the end of the lockout, or {@code null}
	 */
	record Failures(int count, Instant lastFailureAt, Instant lockedUntil) {

		boolean isLockedAt(Instant now) {
			return this.lockedUntil != null && now.isBefore(this.lockedUntil);
		}

		/** A lockout that ended, or failures a lockout's length ago, start over. */
		boolean isStaleAt(Instant now, Duration lockout) {
			if (this.lockedUntil != null) {
				return !isLockedAt(now);
			}
			return !now.isBefore(this.lastFailureAt.plus(lockout));
		}

	}

}
