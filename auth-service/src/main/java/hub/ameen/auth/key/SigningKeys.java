package hub.ameen.auth.key;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import hub.ameen.auth.config.AuthProperties;
import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Ids;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The RS256 signing keys: one current key that signs, and retired keys that stay
 * published until every token they signed has expired. Keys are generated on first start
 * and kept in the store, so a restart keeps them.
 */
@Component
public class SigningKeys {

	/**
	 * Added to the access token lifetime: the clock skew resource servers allow, and
	 * some.
	 */
	static final Duration RETENTION_MARGIN = Duration.ofMinutes(1);

	private static final int KEY_SIZE = 2048;

	private static final Logger logger = LoggerFactory.getLogger(SigningKeys.class);

	private final Store store;

	private final Collection<String, StoredKey> keys;

	private final Clock clock;

	private final Duration retention;

	private volatile List<Loaded> loaded;

	@Autowired
	SigningKeys(Store store, JsonMapper mapper, Clock clock, AuthProperties properties) {
		this(store, mapper, clock, properties.tokens().accessTokenTtl().plus(RETENTION_MARGIN));
	}

	SigningKeys(Store store, JsonMapper mapper, Clock clock, Duration retention) {
		this.store = store;
		this.keys = store.collection("auth.signing-keys", Codec.utf8(), Codec.json(mapper, StoredKey.class));
		this.clock = clock;
		this.retention = retention;
		reload();
		if (current() == null) {
			install(generate());
		}
	}

	/**
	 * The key that signs new tokens, private parts included: for signing only.
	 * @return the current key pair
	 */
	public RSAKey signingKey() {
		return current().pair();
	}

	/**
	 * The public keys tokens may be checked against: the current key and the retired keys
	 * whose tokens may still be valid.
	 * @return the JWK set, public keys only
	 */
	public JWKSet publicKeys() {
		Instant now = this.clock.instant();
		List<JWK> published = this.loaded.stream()
			.filter((key) -> key.stored().isPublishedAt(now, this.retention))
			.map((key) -> (JWK) key.publicKey())
			.toList();
		return new JWKSet(published);
	}

	/**
	 * The published keys, newest first, without key material.
	 * @return what is known about each key
	 */
	public List<KeyInfo> describe() {
		Instant now = this.clock.instant();
		return this.loaded.stream()
			.map(Loaded::stored)
			.filter((key) -> key.isPublishedAt(now, this.retention))
			.map((key) -> new KeyInfo(key.kid(), key.createdAt(), key.retiredAt(), key.publishedUntil(this.retention)))
			.toList();
	}

	/**
	 * Replaces the current key with a new one; the old key stays published until the
	 * tokens it signed have expired, and keys past that are deleted.
	 * @return the new current key
	 */
	public Mono<KeyInfo> rotate() {
		return Mono.fromCallable(SigningKeys::generate)
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((key) -> this.store.write((txn) -> installIn(txn, key)))
			.doOnNext(this::installed)
			.map((key) -> new KeyInfo(key.kid(), key.createdAt(), null, null));
	}

	/**
	 * Rotates when the current key is older than the age given; blocking.
	 * @param maxAge the oldest a current key may be
	 * @return whether the key was rotated
	 */
	boolean rotateIfOlderThan(Duration maxAge) {
		if (current().stored().createdAt().plus(maxAge).isAfter(this.clock.instant())) {
			return false;
		}
		install(generate());
		return true;
	}

	private void install(RSAKey key) {
		installed(this.store.writeAndWait((txn) -> installIn(txn, key)));
	}

	private StoredKey installIn(WriteTxn txn, RSAKey key) {
		Instant now = this.clock.instant();
		List<StoredKey> existing = new ArrayList<>();
		this.keys.forEach(txn, null, (kid, stored) -> existing.add(stored));
		for (StoredKey stored : existing) {
			if (stored.isCurrent()) {
				this.keys.put(txn, stored.kid(), stored.retire(now));
			}
			else if (!stored.isPublishedAt(now, this.retention)) {
				this.keys.delete(txn, stored.kid());
			}
		}
		StoredKey created = new StoredKey(key.getKeyID(), key.toJSONString(), now, null);
		this.keys.put(txn, created.kid(), created);
		return created;
	}

	private void installed(StoredKey key) {
		reload();
		logger.info("New signing key {} is current", key.kid());
	}

	private void reload() {
		this.loaded = this.store.read((txn) -> {
			List<StoredKey> all = new ArrayList<>();
			this.keys.forEach(txn, null, (kid, key) -> all.add(key));
			all.sort(Comparator.comparing(StoredKey::createdAt).thenComparing(StoredKey::kid).reversed());
			return all;
		}).stream().map(Loaded::of).toList();
	}

	private Loaded current() {
		return this.loaded.stream().filter((key) -> key.stored().isCurrent()).findFirst().orElse(null);
	}

	/** A stored key with its parsed pair and public half, parsed once per load. */
	private record Loaded(StoredKey stored, RSAKey pair, RSAKey publicKey) {

		static Loaded of(StoredKey stored) {
			RSAKey pair = stored.rsaKey();
			return new Loaded(stored, pair, pair.toPublicJWK());
		}

		@Override
		public String toString() {
			return this.stored.toString();
		}

	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(KEY_SIZE).keyID(Ids.next())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate a signing key", ex);
		}
	}

}
