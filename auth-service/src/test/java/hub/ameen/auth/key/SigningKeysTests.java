package hub.ameen.auth.key;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import hub.ameen.platform.test.MutableClock;
import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing keys on real LMDB, with a clock the test moves: generated once, kept across
 * restarts, rotated, and published exactly as long as their tokens may live.
 */
class SigningKeysTests {

	static final Duration RETENTION = Duration.ofMinutes(11);

	@TempDir
	Path dir;

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	Store store;

	@BeforeEach
	void open() {
		this.store = Store.open(StoreOptions.at(this.dir.resolve("auth")));
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	SigningKeys keys() {
		return new SigningKeys(this.store, JsonMapper.shared(), this.clock, RETENTION);
	}

	@Test
	void firstStartGeneratesAnRsa2048KeyAndARestartKeepsIt() {
		RSAKey generated = keys().signingKey();
		this.store.close();

		this.store = Store.open(StoreOptions.at(this.dir.resolve("auth")));
		RSAKey reopened = keys().signingKey();

		assertThat(generated.size()).isEqualTo(2048);
		assertThat(generated.isPrivate()).isTrue();
		assertThat(reopened.getKeyID()).isEqualTo(generated.getKeyID());
		assertThat(reopened.getModulus()).isEqualTo(generated.getModulus());
		assertThat(reopened.getPrivateExponent()).isEqualTo(generated.getPrivateExponent());
	}

	@Test
	void theJwkSetHoldsPublicKeysOnly() {
		SigningKeys keys = keys();

		assertThat(keys.publicKeys().getKeys()).singleElement().satisfies((key) -> {
			assertThat(key.isPrivate()).isFalse();
			assertThat(key.getKeyID()).isEqualTo(keys.signingKey().getKeyID());
		});
	}

	@Test
	void aRetiredKeyStaysPublishedUntilItsTokensHaveExpiredAndIsThenDeleted() {
		SigningKeys keys = keys();
		String oldKid = keys.signingKey().getKeyID();

		String newKid = keys.rotate().block().kid();

		assertThat(keys.signingKey().getKeyID()).isEqualTo(newKid).isNotEqualTo(oldKid);
		assertThat(keys.publicKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(newKid, oldKid);
		this.clock.advance(RETENTION.minusSeconds(1));
		assertThat(keys.publicKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(newKid, oldKid);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(keys.publicKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(newKid);
		assertThat(keys.describe()).extracting(KeyInfo::kid).containsExactly(newKid);
		assertThat(storedKeys()).isEqualTo(2);

		String newestKid = keys.rotate().block().kid();

		assertThat(storedKeys()).isEqualTo(2);
		assertThat(keys.publicKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(newestKid, newKid);
	}

	private long storedKeys() {
		return this.store.read((txn) -> this.store
			.collection("auth.signing-keys", Codec.utf8(), Codec.json(JsonMapper.shared(), StoredKey.class))
			.count(txn));
	}

	@Test
	void aKeyOlderThanTheMaximumAgeIsRotated() {
		SigningKeys keys = keys();
		String kid = keys.signingKey().getKeyID();

		this.clock.advance(Duration.ofDays(89));
		assertThat(keys.rotateIfOlderThan(Duration.ofDays(90))).isFalse();
		this.clock.advance(Duration.ofDays(1));
		assertThat(keys.rotateIfOlderThan(Duration.ofDays(90))).isTrue();

		assertThat(keys.signingKey().getKeyID()).isNotEqualTo(kid);
	}

	@Test
	void storedKeyNeverPrintsItsKeyMaterial() {
		RSAKey key = keys().signingKey();
		StoredKey stored = new StoredKey(key.getKeyID(), key.toJSONString(), this.clock.instant(), null);

		assertThat(stored.toString()).contains(key.getKeyID()).doesNotContain(key.getPrivateExponent().toString());
	}

}
