package hub.ameen.auth.password;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import hub.ameen.auth.login.InvalidCredentialsException;
import hub.ameen.auth.login.LoginAttempts;
import hub.ameen.auth.projection.Account;
import hub.ameen.auth.projection.Accounts;
import hub.ameen.auth.session.CredentialChanged;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.security.Passwords;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.web.NotFoundException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Sets new passwords under the policy of {@link Passwords#violations}; each change ends
 * the user's logins (their refresh tokens stop working) and is announced as
 * {@code credential.changed}, so that their access tokens stop working everywhere.
 */
@Service
class PasswordService {

	private final Store store;

	private final Accounts accounts;

	private final LoginAttempts attempts;

	private final Clock clock;

	private final PasswordEncoder encoder = Passwords.encoder();

	private final Outbox outbox;

	PasswordService(Store store, Accounts accounts, LoginAttempts attempts, Clock clock, Outbox outbox) {
		this.store = store;
		this.outbox = outbox;
		this.accounts = accounts;
		this.attempts = attempts;
		this.clock = clock;
	}

	/**
	 * The caller changes their own password; a wrong current password counts towards the
	 * lockout like a failed login.
	 */
	Mono<Void> change(String userId, String currentPassword, String newPassword) {
		return Mono.fromCallable(() -> activeAccount(userId))
			.doOnNext((account) -> checkPolicy(newPassword, account))
			.doOnNext((account) -> this.attempts.checkNotLocked(account.email()))
			.flatMap(
					(account) -> Mono.fromCallable(() -> matchesCurrent(account, currentPassword))
						.subscribeOn(Schedulers.boundedElastic())
						.flatMap((matches) -> matches ? save(account, newPassword, "changed", userId) : this.attempts
							.recordFailure(account.email())
							.then(Mono.error(new InvalidFieldException("currentPassword", List.of("is incorrect"))))));
	}

	/** An administrator sets someone's password; it also lifts a lockout. */
	Mono<Void> reset(String userId, String newPassword, String actorId) {
		return Mono
			.fromCallable(() -> this.accounts.findById(userId).orElseThrow(() -> new NotFoundException("User", userId)))
			.doOnNext((account) -> checkPolicy(newPassword, account))
			.flatMap((account) -> save(account, newPassword, "reset", actorId)
				.then(this.attempts.clear(account.email())));
	}

	private Account activeAccount(String userId) {
		return this.accounts.findById(userId).filter(Account::isActive).orElseThrow(InvalidCredentialsException::new);
	}

	private void checkPolicy(String newPassword, Account account) {
		List<String> violations = Passwords.violations(newPassword, account.email());
		if (!violations.isEmpty()) {
			throw new InvalidFieldException("newPassword", violations);
		}
	}

	private boolean matchesCurrent(Account account, String currentPassword) {
		String hash = this.store.read((txn) -> this.accounts.passwordHash(txn, account.id())).orElse(null);
		return hash != null && this.encoder.matches(currentPassword, hash);
	}

	/** Sets the hash and announces the change, in one transaction. */
	private Mono<Void> save(Account account, String newPassword, String reason, String actorId) {
		return Mono.fromCallable(() -> this.encoder.encode(newPassword))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((hash) -> this.store.write((txn) -> {
				Instant now = this.clock.instant();
				this.accounts.setPassword(txn, account.id(), hash, now);
				this.outbox.publish(txn,
						CredentialChanged.CHANGED.about(account.id(), new CredentialChanged(account.id(), reason, now))
							.by(actorId));
				return account.id();
			}))
			.then();
	}

}
