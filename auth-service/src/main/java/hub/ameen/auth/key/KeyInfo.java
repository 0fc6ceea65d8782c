package hub.ameen.auth.key;

import java.time.Instant;

/**
 * What an administrator sees of a signing key: never the key itself.
 *
 * @param kid the key id
 * @param createdAt when it was generated
 * @param retiredAt when it stopped signing, or {@code null} for the current key
 * @param publishedUntil when it leaves the JWK set, or {@code null} for the current key
 */
public record KeyInfo(String kid, Instant createdAt, Instant retiredAt, Instant publishedUntil) {
}
