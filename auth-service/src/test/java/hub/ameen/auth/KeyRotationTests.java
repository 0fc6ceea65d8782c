package hub.ameen.auth;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import hub.ameen.auth.key.KeyInfo;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation over HTTP: the new key signs, the old one stays published, so tokens it signed
 * keep working until they expire.
 */
class KeyRotationTests extends AuthServiceTestSupport {

	@Test
	void rotationKeepsOldTokensValidAndSignsNewOnesWithTheNewKey() throws Exception {
		TestUser admin = createUser("admin");
		String oldToken = login(admin).accessToken();
		String oldKid = SignedJWT.parse(oldToken).getHeader().getKeyID();

		KeyInfo rotated = this.client.post()
			.uri("/api/auth/keys/rotate")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + oldToken)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(KeyInfo.class)
			.returnResult()
			.getResponseBody();

		assertThat(rotated.kid()).isNotEqualTo(oldKid);
		assertThat(publishedKids()).contains(rotated.kid(), oldKid);
		getKeys("Bearer " + oldToken).expectStatus().isOk();
		String newToken = login(admin).accessToken();
		assertThat(SignedJWT.parse(newToken).getHeader().getKeyID()).isEqualTo(rotated.kid());
		List<KeyInfo> described = getKeys("Bearer " + newToken).expectStatus()
			.isOk()
			.expectBodyList(KeyInfo.class)
			.returnResult()
			.getResponseBody();
		assertThat(described).filteredOn((key) -> key.kid().equals(oldKid))
			.singleElement()
			.satisfies((key) -> assertThat(key.publishedUntil()).isAfter(key.retiredAt().plusSeconds(600)));
	}

	@Test
	void jwksIsPublicCacheableAndHoldsNoPrivateParts() {
		String body = this.client.get()
			.uri("/api/auth/jwks")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches(HttpHeaders.CACHE_CONTROL, "max-age=300, public")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(body).doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"");
		assertThat(parse(body).getKeys()).allSatisfy((key) -> {
			assertThat(key.isPrivate()).isFalse();
			assertThat(key.getKeyID()).isNotBlank();
			assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
			assertThat(key.toRSAKey().size()).isEqualTo(2048);
		});
	}

	private List<String> publishedKids() {
		String body = this.client.get()
			.uri("/api/auth/jwks")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return parse(body).getKeys().stream().map(JWK::getKeyID).toList();
	}

	private static JWKSet parse(String body) {
		try {
			return JWKSet.parse(body);
		}
		catch (java.text.ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
