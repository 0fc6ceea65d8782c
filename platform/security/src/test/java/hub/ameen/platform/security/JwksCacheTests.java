package hub.ameen.platform.security;

import java.util.List;
import java.util.stream.IntStream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import hub.ameen.platform.test.security.TestTokens;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key set is fetched once for a burst of first requests, and once more (not once per
 * request) when tokens name a key id it does not hold yet.
 */
class JwksCacheTests {

	@Test
	void aBurstOfRequestsFetchesTheKeysOnce() throws Exception {
		try (TestTokens tokens = TestTokens.start()) {
			JwksCache cache = new JwksCache(WebClient.create(), tokens.jwksUri());
			SignedJWT token = SignedJWT.parse(tokens.token("u1"));

			List<Integer> found = Flux.range(0, 200)
				.flatMap((i) -> cache.keysFor(token).count().map(Long::intValue), 200)
				.collectList()
				.block();

			assertThat(found).hasSize(200).containsOnly(1);
			assertThat(tokens.jwksRequests()).isEqualTo(1);
		}
	}

	@Test
	void anUnknownKeyIdFetchesAgainButNotForEveryRequest() throws Exception {
		try (TestTokens tokens = TestTokens.start()) {
			JwksCache cache = new JwksCache(WebClient.create(), tokens.jwksUri());
			cache.keysFor(SignedJWT.parse(tokens.token("u1"))).blockLast();
			SignedJWT rotated = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("new-kid").build(),
					new JWTClaimsSet.Builder().subject("u1").build());

			IntStream.range(0, 50).forEach((i) -> cache.keysFor(rotated).blockLast());

			assertThat(tokens.jwksRequests()).isEqualTo(2);
		}
	}

}
