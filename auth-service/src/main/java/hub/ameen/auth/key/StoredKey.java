package hub.ameen.auth.key;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * One signing key as it is stored: the private key never leaves this service.
 *
 * @param kid the key id, also the JWK's {@code kid}
 * @param jwk the key pair as a JWK (private parts included)
 * @param createdAt when it was generated
 * @param retiredAt when a newer key replaced it, or {@code null} while it signs
 */
record StoredKey(String kid, String jwk, Instant createdAt, Instant retiredAt) {

	boolean isCurrent() {
		return this.retiredAt == null;
	}

	/**
	 * Whether tokens it signed may still be valid, so that it must stay published.
	 * @param now the time now
	 * @param retention how long tokens signed just before retirement stay valid
	 * @return whether the key is published
	 */
	boolean isPublishedAt(Instant now, Duration retention) {
		return isCurrent() || publishedUntil(retention).isAfter(now);
	}

	Instant publishedUntil(Duration retention) {
		return isCurrent() ? null : this.retiredAt.plus(retention);
	}

	StoredKey retire(Instant now) {
		return new StoredKey(this.kid, this.jwk, this.createdAt, now);
	}

	RSAKey rsaKey() {
		try {
			return RSAKey.parse(this.jwk);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Stored signing key " + this.kid + " does not parse", ex);
		}
	}

	@Override
	public String toString() {
		return "StoredKey[kid=" + this.kid + ", createdAt=" + this.createdAt + ", retiredAt=" + this.retiredAt + "]";
	}

}
