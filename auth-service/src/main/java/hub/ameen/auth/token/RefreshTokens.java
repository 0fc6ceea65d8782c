package hub.ameen.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import hub.ameen.auth.config.AuthProperties;
import hub.ameen.auth.projection.Account;
import hub.ameen.auth.projection.Accounts;
import hub.ameen.auth.session.SessionRevoked;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refresh tokens in families: a login starts a family, each refresh spends its token and
 * adds the next one, and a spent token coming back revokes the whole family (someone else
 * holds a copy). Only a SHA-256 of each token is stored; a family's tokens share its
 * absolute expiry.
 */
@Component
class RefreshTokens {

	private static final Logger logger = LoggerFactory.getLogger(RefreshTokens.class);

	private static final int TOKEN_BYTES = 32;

	private static final int PRUNE_BATCH = 1000;

	private final SecureRandom random = new SecureRandom();

	private final Store store;

	private final Accounts accounts;

	private final Collection<String, Token> tokens;

	private final Collection<String, Family> families;

	private final Duration lifetime;

	private final Clock clock;

	private final Outbox outbox;

	RefreshTokens(Store store, Accounts accounts, JsonMapper mapper, AuthProperties properties, Clock clock,
			Outbox outbox) {
		this.store = store;
		this.outbox = outbox;
		this.accounts = accounts;
		this.tokens = store.collection("auth.refresh-tokens", Codec.utf8(), Codec.json(mapper, Token.class));
		this.families = store.collection("auth.refresh-families", Codec.utf8(), Codec.json(mapper, Family.class));
		this.lifetime = properties.tokens().refreshTokenTtl();
		this.clock = clock;
	}

	/** A new random token: 256 bits, URL-safe. */
	String newToken() {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** What is stored of a token: its SHA-256, URL-safe. */
	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts a family for a login, with its first token.
	 * @return the login and who its tokens speak for
	 */
	Session start(WriteTxn txn, Account account, String tokenHash, Instant now) {
		Family family = new Family(Ids.next(), account.id(), now, now.plus(this.lifetime), false);
		this.families.put(txn, family.id(), family);
		this.tokens.put(txn, tokenHash, new Token(family.id(), account.id(), family.expiresAt(), false));
		return new Session(family.id(), this.accounts.identity(txn, account));
	}

	/**
	 * Spends the presented token and adds its successor, or rejects it; a spent token
	 * revokes its family, which this transaction then commits.
	 * @return the login and who the new tokens speak for, or empty when rejected
	 */
	Optional<Session> rotate(WriteTxn txn, String presentedHash, String nextHash, Instant now) {
		Token token = this.tokens.get(txn, presentedHash).orElse(null);
		Family family = (token != null) ? this.families.get(txn, token.familyId()).orElse(null) : null;
		if (family == null || family.revoked() || !now.isBefore(family.expiresAt())) {
			return Optional.empty();
		}
		if (token.spent()) {
			revoke(txn, family, "reuse");
			logger.warn("Refresh token of family {} (user {}) was used twice; the family is revoked", family.id(),
					family.userId());
			return Optional.empty();
		}
		Optional<Account> account = this.accounts.findById(txn, family.userId())
			.filter((found) -> found.isActive() && found.acceptsLoginAt(family.createdAt()));
		if (account.isEmpty()) {
			revoke(txn, family, null);
			return Optional.empty();
		}
		this.tokens.put(txn, presentedHash, token.spend());
		this.tokens.put(txn, nextHash, new Token(family.id(), family.userId(), family.expiresAt(), false));
		return Optional.of(new Session(family.id(), this.accounts.identity(txn, account.get())));
	}

	/**
	 * Revokes the family of the token, spent or not; does nothing for an unknown token.
	 */
	void revokeFamilyOf(WriteTxn txn, String tokenHash) {
		this.tokens.get(txn, tokenHash)
			.flatMap((token) -> this.families.get(txn, token.familyId()))
			.filter((family) -> !family.revoked())
			.ifPresent((family) -> revoke(txn, family, "logout"));
	}

	/**
	 * Revokes a family; announces it when the access tokens of the login may still be in
	 * use ({@code reason} null: the user is gone or changed their password, which is
	 * announced already).
	 */
	private void revoke(WriteTxn txn, Family family, String reason) {
		this.families.put(txn, family.id(), family.revoke());
		if (reason != null) {
			SessionRevoked revoked = new SessionRevoked(family.userId(), family.id(), reason, this.clock.instant());
			this.outbox.publish(txn, SessionRevoked.REVOKED.about(family.userId(), revoked).by(family.userId()));
		}
	}

	/**
	 * Deletes expired and revoked families and their tokens, in batches.
	 * @return how many records were deleted
	 */
	@Scheduled(fixedDelayString = "${hub.auth.tokens.prune-interval:1h}",
			initialDelayString = "${hub.auth.tokens.prune-interval:1h}")
	int prune() {
		Instant now = this.clock.instant();
		int deleted = 0;
		List<String> batch;
		do {
			batch = this.store.read((txn) -> {
				List<String> dead = new ArrayList<>();
				this.tokens.forEach(txn, null, (hash, token) -> {
					if (isDead(txn, token.familyId(), now)) {
						dead.add(hash);
					}
					return dead.size() < PRUNE_BATCH;
				});
				return dead;
			});
			List<String> hashes = batch;
			this.store.writeAndWait((txn) -> {
				hashes.forEach((hash) -> this.tokens.delete(txn, hash));
				return null;
			});
			deleted += batch.size();
		}
		while (batch.size() == PRUNE_BATCH);
		return deleted + pruneFamilies(now);
	}

	private int pruneFamilies(Instant now) {
		List<String> dead = this.store.read((txn) -> {
			List<String> ids = new ArrayList<>();
			this.families.forEach(txn, null, (id, family) -> {
				if (isDead(txn, id, now)) {
					ids.add(id);
				}
				return true;
			});
			return ids;
		});
		this.store.writeAndWait((txn) -> {
			dead.forEach((id) -> this.families.delete(txn, id));
			return null;
		});
		return dead.size();
	}

	private boolean isDead(ReadTxn txn, String familyId, Instant now) {
		return this.families.get(txn, familyId)
			.map((family) -> family.revoked() || !now.isBefore(family.expiresAt()))
			.orElse(true);
	}

	/**
	 * One refresh token, stored under its hash.
	 *
	 * @param familyId the login it belongs to
	 * @param userId the user it speaks for
	 * @param expiresAt its family's absolute expiry
	 * @param spent whether it was exchanged already
	 */
	record Token(String familyId, String userId, Instant expiresAt, boolean spent) {

		Token spend() {
			return new Token(this.familyId, this.userId, this.expiresAt, true);
		}

	}

	/**
	 * One login's chain of refresh tokens.
	 *
	 * @param id the family id
	 * @param userId the user
	 * @param createdAt when the login happened
	 * @param expiresAt when every token of the family expires
	 * @param revoked whether the family was revoked (logout, reuse, user gone)
	 */
	record Family(String id, String userId, Instant createdAt, Instant expiresAt, boolean revoked) {

		Family revoke() {
			return new Family(this.id, this.userId, this.createdAt, this.expiresAt, true);
		}

	}

}
