package hub.ameen.auth.token;

import java.time.Clock;
import java.time.Instant;

import hub.ameen.auth.projection.Account;
import hub.ameen.platform.store.Store;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Issues token pairs at login, exchanges a refresh token for a new pair, and ends a
 * login.
 */
@Service
public class TokenService {

	private static final String BEARER = "Bearer";

	private final Store store;

	private final RefreshTokens refreshTokens;

	private final AccessTokens accessTokens;

	private final Clock clock;

	TokenService(Store store, RefreshTokens refreshTokens, AccessTokens accessTokens, Clock clock) {
		this.store = store;
		this.refreshTokens = refreshTokens;
		this.accessTokens = accessTokens;
		this.clock = clock;
	}

	/**
	 * Starts a login: a new refresh token family and a first pair.
	 * @param account the account that proved its password
	 * @return the tokens
	 */
	public Mono<TokenResponse> issue(Account account) {
		String refreshToken = this.refreshTokens.newToken();
		String hash = RefreshTokens.hash(refreshToken);
		return this.store.write((txn) -> this.refreshTokens.start(txn, account, hash, this.clock.instant()))
			.map((session) -> pair(session, refreshToken));
	}

	/**
	 * Exchanges a refresh token for a new pair; the presented token is spent.
	 * @param refreshToken the presented refresh token
	 * @return the new tokens, or an {@link InvalidRefreshTokenException} (401)
	 */
	public Mono<TokenResponse> refresh(String refreshToken) {
		String next = this.refreshTokens.newToken();
		String presentedHash = RefreshTokens.hash(refreshToken);
		String nextHash = RefreshTokens.hash(next);
		return this.store.write((txn) -> this.refreshTokens.rotate(txn, presentedHash, nextHash, this.clock.instant()))
			.flatMap((session) -> session.map((found) -> Mono.just(pair(found, next)))
				.orElseGet(() -> Mono.error(new InvalidRefreshTokenException())));
	}

	/**
	 * Ends the login the refresh token belongs to: every token of its family stops
	 * working, and so, once {@code session.revoked} reaches them, do its access tokens
	 * everywhere. An unknown token is ignored.
	 * @param refreshToken any refresh token of the login
	 * @return completes when the family is revoked
	 */
	public Mono<Void> logout(String refreshToken) {
		String hash = RefreshTokens.hash(refreshToken);
		return this.store.write((txn) -> {
			this.refreshTokens.revokeFamilyOf(txn, hash);
			return Boolean.TRUE;
		}).then();
	}

	private TokenResponse pair(Session session, String refreshToken) {
		Instant now = this.clock.instant();
		return new TokenResponse(this.accessTokens.sign(session.identity(), session.id(), now), refreshToken, BEARER,
				this.accessTokens.lifetimeSeconds());
	}

}
