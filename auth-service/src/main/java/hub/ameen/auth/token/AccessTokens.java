package hub.ameen.auth.token;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import hub.ameen.auth.config.AuthProperties;
import hub.ameen.auth.key.SigningKeys;
import hub.ameen.auth.projection.Identity;
import hub.ameen.platform.security.HubSecurityProperties;
import hub.ameen.platform.security.RevokedTokens;

import org.springframework.stereotype.Component;

/**
 * Signs access tokens with the current key: {@code sub}, {@code email}, {@code roles},
 * {@code perms}, {@code iss}, {@code aud}, {@code iat}, {@code exp}, {@code jti}, the
 * login's {@code sid}, {@code iat_ms} (the issue time to the millisecond, which the
 * revocation check compares with a password change in the same second), and the key's
 * {@code kid} in the header.
 */
@Component
class AccessTokens {

	private final SigningKeys keys;

	private final HubSecurityProperties security;

	private final AuthProperties properties;

	AccessTokens(SigningKeys keys, HubSecurityProperties security, AuthProperties properties) {
		this.keys = keys;
		this.security = security;
		this.properties = properties;
	}

	long lifetimeSeconds() {
		return this.properties.tokens().accessTokenTtl().toSeconds();
	}

	String sign(Identity identity, String sessionId, Instant now) {
		RSAKey key = this.keys.signingKey();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(identity.userId())
			.claim("email", identity.email())
			.claim("roles", identity.roles())
			.claim("perms", identity.permissions())
			.issuer(this.security.issuer())
			.audience(this.security.audience())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(this.properties.tokens().accessTokenTtl())))
			.jwtID(UUID.randomUUID().toString())
			.claim(RevokedTokens.SESSION_CLAIM, sessionId)
			.claim(RevokedTokens.ISSUED_AT_MILLIS_CLAIM, now.toEpochMilli())
			.build();
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
			.keyID(key.getKeyID())
			.build();
		try {
			SignedJWT jwt = new SignedJWT(header, claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign an access token", ex);
		}
	}

}
