package hub.ameen.platform.security;

import java.text.ParseException;
import java.time.Duration;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * auth-service's public keys, fetched once for any number of concurrent requests (a burst
 * of streams reconnecting after a restart must not fetch them a thousand times), kept for
 * a few minutes, and fetched again at once — at most every few seconds — when a token
 * names a key id not seen yet, as after a key rotation.
 */
final class JwksCache {

	private static final Duration KEEP = Duration.ofMinutes(5);

	private static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(5);

	private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

	private final WebClient client;

	private final String uri;

	private volatile Mono<JWKSet> keys;

	private volatile long lastForcedFetch = System.nanoTime() - MIN_REFETCH_INTERVAL.toNanos();

	JwksCache(WebClient client, String uri) {
		this.client = client;
		this.uri = uri;
		this.keys = fetch();
	}

	/**
	 * The keys a token may be signed with, as {@code NimbusReactiveJwtDecoder} asks for
	 * them.
	 */
	Flux<JWK> keysFor(SignedJWT jwt) {
		String kid = jwt.getHeader().getKeyID();
		return this.keys.flatMap((set) -> (kid == null || set.getKeyByKeyId(kid) != null) ? Mono.just(set) : refetch())
			.flatMapIterable(JWKSet::getKeys);
	}

	private synchronized Mono<JWKSet> refetch() {
		if (System.nanoTime() - this.lastForcedFetch >= MIN_REFETCH_INTERVAL.toNanos()) {
			this.lastForcedFetch = System.nanoTime();
			this.keys = fetch();
		}
		return this.keys;
	}

	/**
	 * One shared fetch: concurrent subscribers wait for the same answer; failures are not
	 * kept.
	 */
	private Mono<JWKSet> fetch() {
		return this.client.get()
			.uri(this.uri)
			.retrieve()
			.bodyToMono(String.class)
			.timeout(FETCH_TIMEOUT)
			.map(JwksCache::parse)
			.onErrorMap((ex) -> !(ex instanceof IllegalStateException),
					(ex) -> new IllegalStateException("Could not obtain the keys", ex))
			.cache((set) -> KEEP, (ex) -> Duration.ZERO, () -> Duration.ZERO);
	}

	private static JWKSet parse(String body) {
		try {
			return JWKSet.parse(body);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The key set is not a JWK set", ex);
		}
	}

}
