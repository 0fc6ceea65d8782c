package hub.ameen.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 3 through the gateway of a running suite: the first-run admin logs in, creates a
 * member, the member logs in and may read only what a member may; forged and spent tokens
 * are refused.
 */
final class IdentityScenario {

	private final Api gateway;

	IdentityScenario(Api gateway) {
		this.gateway = gateway;
	}

	/**
	 * Logs in, waiting for auth-service to have learned the user from user-service's
	 * events.
	 */
	Api.Response login(String email, String password) {
		Api.Response[] last = new Api.Response[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
			last[0] = this.gateway.post("/api/auth/login", null, Map.of("email", email, "password", password));
			return last[0].status() == 200;
		});
		return last[0];
	}

	String adminCreatesAMemberWhoLogsIn(String adminEmail, String adminPassword) {
		Api.Response adminLogin = login(adminEmail, adminPassword);
		assertThat(adminLogin.json().get("tokenType").asString()).isEqualTo("Bearer");
		String admin = adminLogin.json().get("accessToken").asString();

		Api.Response created = this.gateway.post("/api/users", admin, Map.of("email", "member@hub.test", "displayName",
				"A Member", "password", "member-initial-password", "roles", List.of("member")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		Api.Response memberLogin = login("member@hub.test", "member-initial-password");
		String member = memberLogin.json().get("accessToken").asString();
		Api.Response me = this.gateway.get("/api/users/me", member);
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.json().get("email").asString()).isEqualTo("member@hub.test");
		Api.Response list = this.gateway.get("/api/users", member);
		assertThat(list.status()).as(list.toString()).isEqualTo(403);
		assertThat(list.contentType()).startsWith("application/problem+json");
		memberIsWelcomedAcrossServices(member);
		return member;
	}

	/**
	 * user.created crossed from user-service to notification-service over Kafka: one
	 * welcome.
	 */
	private void memberIsWelcomedAcrossServices(String member) {
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			Api.Response notifications = this.gateway.get("/api/notifications", member);
			assertThat(notifications.status()).as(notifications.toString()).isEqualTo(200);
			assertThat(notifications.json().get("items").valueStream().map((n) -> n.get("type").asString()))
				.containsExactly("user.welcome");
		});
	}

	void forgedAndSpentTokensAreRefused(String validAccessToken, String email, String password) {
		String[] parts = validAccessToken.split("\\.");
		String header = decode(parts[0]);
		String payload = decode(parts[1]);
		String tampered = parts[0] + "." + encode(payload.replace("\"member\"", "\"admin\"")) + "." + parts[2];
		String none = encode(header.replace("RS256", "none")) + "." + parts[1] + ".";
		String hs256 = hs256WithPublicKey(parts[1]);

		for (String forged : List.of(tampered, none, hs256, "not-a-jwt")) {
			Api.Response response = this.gateway.get("/api/users/me", forged);
			assertThat(response.status()).as("forged token " + forged).isEqualTo(401);
		}
		assertThat(this.gateway.get("/api/users/me", null).status()).isEqualTo(401);

		String refresh = login(email, password).json().get("refreshToken").asString();
		Api.Response first = this.gateway.post("/api/auth/refresh", null, Map.of("refreshToken", refresh));
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		String successor = first.json().get("refreshToken").asString();
		assertThat(this.gateway.post("/api/auth/refresh", null, Map.of("refreshToken", refresh)).status())
			.as("a spent refresh token")
			.isEqualTo(401);
		assertThat(this.gateway.post("/api/auth/refresh", null, Map.of("refreshToken", successor)).status())
			.as("the successor of a reused refresh token")
			.isEqualTo(401);
	}

	/**
	 * An HS256 token whose secret is the published RSA key: the classic algorithm
	 * confusion.
	 */
	private String hs256WithPublicKey(String payload) {
		try {
			String jwks = this.gateway.get("/api/auth/jwks", null).body();
			String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(jwks.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
			return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String decode(String part) {
		return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
	}

	private static String encode(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
