package hub.ameen.auth.login;

import java.util.Optional;
import java.util.UUID;

import hub.ameen.auth.projection.Account;
import hub.ameen.auth.projection.Accounts;
import hub.ameen.auth.token.TokenResponse;
import hub.ameen.auth.token.TokenService;
import hub.ameen.platform.security.Passwords;
import hub.ameen.platform.store.Store;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks an email and password and starts a login. Every refusal looks the same: an
 * unknown email still costs one hash check, and a disabled user gets the wrong-password
 * answer.
 */
@Service
class LoginService {

	private final Store store;

	private final Accounts accounts;

	private final TokenService tokens;

	private final LoginAttempts attempts;

	private final AddressRateLimit rateLimit;

	private final SignIns signIns;

	private final PasswordEncoder encoder = Passwords.encoder();

	/**
	 * Checked when the email is unknown, so that the answer takes as long as a real
	 * check.
	 */
	private final String dummyHash = this.encoder.encode(UUID.randomUUID().toString());

	LoginService(Store store, Accounts accounts, TokenService tokens, LoginAttempts attempts,
			AddressRateLimit rateLimit, SignIns signIns) {
		this.store = store;
		this.accounts = accounts;
		this.tokens = tokens;
		this.attempts = attempts;
		this.rateLimit = rateLimit;
		this.signIns = signIns;
	}

	Mono<TokenResponse> login(String email, String password, String clientAddress) {
		return Mono.fromRunnable(() -> {
			try {
				this.rateLimit.acquire(clientAddress);
			}
			catch (TooManyAttemptsException ex) {
				this.signIns.refusedByAddressLimit();
				throw ex;
			}
			try {
				this.attempts.checkNotLocked(email);
			}
			catch (TooManyAttemptsException ex) {
				this.signIns.refusedWhileLocked();
				throw ex;
			}
		})
			.then(Mono.fromCallable(() -> verify(email, password)).subscribeOn(Schedulers.boundedElastic()))
			.flatMap((account) -> account
				.map((found) -> this.attempts.clear(email)
					.then(this.tokens.issue(found))
					.doOnSuccess((issued) -> this.signIns.succeeded()))
				.orElseGet(() -> {
					this.signIns.failed();
					return this.attempts.recordFailure(email).then(Mono.error(new InvalidCredentialsException()));
				}));
	}

	/** Slow on purpose (Argon2id): run it off the event loop. */
	private Optional<Account> verify(String email, String password) {
		record Candidate(Account account, String hash) {

			@Override
			public String toString() {
				return "Candidate[account=" + this.account + ", hash=***]";
			}

		}
		Optional<Candidate> candidate = this.store.read((txn) -> this.accounts.findByEmail(txn, email)
			.flatMap((account) -> this.accounts.passwordHash(txn, account.id())
				.map((hash) -> new Candidate(account, hash))));
		boolean matches = this.encoder.matches(password, candidate.map(Candidate::hash).orElse(this.dummyHash));
		return candidate.filter((found) -> matches && found.account().isActive()).map(Candidate::account);
	}

}
