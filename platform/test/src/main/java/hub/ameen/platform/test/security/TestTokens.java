package hub.ameen.platform.test.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An RSA signing key with its JWKS served from {@code 127.0.0.1} on a free port, and
 * access tokens signed with it, shaped like auth-service's: {@code sub}, {@code email},
 * {@code perms}, {@code iss}/{@code aud} = {@value #ISSUER}, {@code iat}, {@code exp},
 * {@code jti}, header {@code typ: JWT} and {@code kid}.
 * <p>
 * In a Spring Boot test, annotate the class with {@link UsesTestTokens} (or call
 * {@link #registerJwksUri} from a {@code @DynamicPropertySource} method) and send
 * {@code TestTokens.shared().bearer("user-1", "crm:read")} as the {@code Authorization}
 * header.
 */
public final class TestTokens implements AutoCloseable {

	/** The issuer platform-security expects by default. */
	public static final String ISSUER = "ameen-hub";

	/** The audience platform-security expects by default. */
	public static final String AUDIENCE = "ameen-hub";

	/** The property that points platform-security at a JWKS. */
	public static final String JWKS_URI_PROPERTY = "hub.security.jwks-uri";

	/**
	 * A test property for a context with no broker (a {@code @WebFluxTest} slice, say):
	 * token revocations are not read. Without it the revocation feed looks for the
	 * service's configured broker, waits its whole catch-up timeout (15 s a context) for
	 * one that is not there, and would read a local suite's broker if one were running.
	 */
	public static final String WITHOUT_REVOCATIONS = "hub.security.revocation.bootstrap-servers=";

	/** Where the JWKS is served, as on auth-service. */
	public static final String JWKS_PATH = "/api/auth/jwks";

	private static TestTokens shared;

	private final RSAKey key;

	private final HttpServer server;

	private final AtomicInteger jwksRequests = new AtomicInteger();

	private TestTokens() {
		this.key = generateKey(UUID.randomUUID().toString());
		this.server = serve(new JWKSet(this.key.toPublicJWK()).toString());
	}

	/**
	 * The instance shared by every test in this JVM, started on first use.
	 * @return the shared test tokens
	 */
	public static synchronized TestTokens shared() {
		if (shared == null) {
			shared = start();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-tokens-stop"));
		}
		return shared;
	}

	/**
	 * A new instance with its own key and server; close it when done.
	 * @return new test tokens
	 */
	public static TestTokens start() {
		return new TestTokens();
	}

	/**
	 * Point {@code hub.security.jwks-uri} at the {@link #shared()} instance.
	 * @param registry the registry of a {@code @DynamicPropertySource} method
	 */
	public static void registerJwksUri(DynamicPropertyRegistry registry) {
		registry.add(JWKS_URI_PROPERTY, () -> shared().jwksUri());
	}

	/**
	 * The URL of the JWK set holding the public key.
	 * @return the JWKS URI
	 */
	public String jwksUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + JWKS_PATH;
	}

	/**
	 * How often the JWKS has been fetched.
	 * @return the number of JWKS requests served
	 */
	public int jwksRequests() {
		return this.jwksRequests.get();
	}

	/**
	 * The public key in JWK form.
	 * @return the public key
	 */
	public RSAKey publicKey() {
		return this.key.toPublicJWK();
	}

	/**
	 * A valid access token for 15 minutes.
	 * @param subject the user id ({@code sub})
	 * @param perms the permissions ({@code perms})
	 * @return the compact JWT
	 */
	public String token(String subject, String... perms) {
		return builder(subject).perms(perms).sign();
	}

	/**
	 * {@code "Bearer " +} {@link #token}, for an {@code Authorization} header.
	 * @param subject the user id ({@code sub})
	 * @param perms the permissions ({@code perms})
	 * @return the header value
	 */
	public String bearer(String subject, String... perms) {
		return "Bearer " + token(subject, perms);
	}

	/**
	 * A builder for tokens with other claims, or for the broken tokens an attack test
	 * needs.
	 * @param subject the user id ({@code sub})
	 * @return the builder
	 */
	public Builder builder(String subject) {
		return new Builder(subject);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private HttpServer serve(String jwks) {
		try {
			HttpServer httpServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
			httpServer.createContext(JWKS_PATH, (exchange) -> respond(exchange, body));
			httpServer.start();
			return httpServer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void respond(HttpExchange exchange, byte[] body) throws IOException {
		this.jwksRequests.incrementAndGet();
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static RSAKey generateKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Claims and signing of one token. Defaults: valid for 15 minutes, issuer and
	 * audience {@value TestTokens#ISSUER}, email {@code <subject>@hub.test}, no
	 * permissions.
	 */
	public final class Builder {

		private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();

		private final Map<String, Object> extra = new LinkedHashMap<>();

		private Instant issuedAt = Instant.now();

		private Instant expiresAt = this.issuedAt.plus(Duration.ofMinutes(15));

		private Builder(String subject) {
			this.claims.subject(subject)
				.issuer(ISSUER)
				.audience(AUDIENCE)
				.claim("email", subject + "@hub.test")
				.claim("perms", List.of())
				.jwtID(UUID.randomUUID().toString());
		}

		public Builder perms(String... perms) {
			this.claims.claim("perms", List.of(perms));
			return this;
		}

		public Builder email(String email) {
			this.claims.claim("email", email);
			return this;
		}

		public Builder issuer(String issuer) {
			this.claims.issuer(issuer);
			return this;
		}

		public Builder audience(String... audience) {
			this.claims.audience(List.of(audience));
			return this;
		}

		public Builder issuedAt(Instant issuedAt) {
			this.issuedAt = issuedAt;
			return this;
		}

		public Builder expiresAt(Instant expiresAt) {
			this.expiresAt = expiresAt;
			return this;
		}

		/**
		 * Issued an hour ago, expired ten minutes ago (well past any clock skew).
		 * @return this builder
		 */
		public Builder expired() {
			return issuedAt(Instant.now().minus(Duration.ofHours(1)))
				.expiresAt(Instant.now().minus(Duration.ofMinutes(10)));
		}

		public Builder claim(String name, Object value) {
			this.extra.put(name, value);
			return this;
		}

		/**
		 * Sign with the served key (RS256): a token the resource server accepts if its
		 * claims are right.
		 * @return the compact JWT
		 */
		public String sign() {
			return rs256(TestTokens.this.key);
		}

		/**
		 * Sign with a different RSA key that claims the served key's {@code kid}.
		 * @return the compact JWT
		 */
		public String signWithForeignKey() {
			return rs256(generateKey(TestTokens.this.key.getKeyID()));
		}

		/**
		 * A correctly signed token whose payload was then changed to add
		 * {@code users:admin}, keeping the original signature.
		 * @return the compact JWT
		 */
		public String tampered() {
			String[] parts = sign().split("\\.");
			Map<String, Object> json = new LinkedHashMap<>(claimsSet().toJSONObject());
			List<Object> perms = new ArrayList<>((List<?>) json.get("perms"));
			perms.add("users:admin");
			json.put("perms", perms);
			byte[] changed = JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8);
			String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(changed);
			return parts[0] + "." + payload + "." + parts[2];
		}

		/**
		 * An unsecured token: {@code alg: none}, no signature.
		 * @return the compact JWT
		 */
		public String unsigned() {
			return new PlainJWT(claimsSet()).serialize();
		}

		/**
		 * The classic key-confusion attack: HS256 with the served RSA public key's
		 * encoded bytes as the HMAC secret.
		 * @return the compact JWT
		 */
		public String signHs256WithPublicKey() {
			try {
				byte[] secret = TestTokens.this.key.toRSAPublicKey().getEncoded();
				SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.HS256), claimsSet());
				jwt.sign(new MACSigner(secret));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private String rs256(RSAKey signingKey) {
			try {
				SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.RS256), claimsSet());
				jwt.sign(new RSASSASigner(signingKey));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private JWSHeader header(JWSAlgorithm algorithm) {
			return new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT)
				.keyID(TestTokens.this.key.getKeyID())
				.build();
		}

		private JWTClaimsSet claimsSet() {
			JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder(this.claims.build())
				.issueTime(Date.from(this.issuedAt))
				.expirationTime(Date.from(this.expiresAt));
			this.extra.forEach(builder::claim);
			return builder.build();
		}

	}

}
