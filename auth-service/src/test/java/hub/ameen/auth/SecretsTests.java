package hub.ameen.auth;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import hub.ameen.auth.token.TokenResponse;
import hub.ameen.platform.security.Passwords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Passwords, hashes and tokens stay out of the logs even at DEBUG, where Spring logs
 * every decoded request and encoded response, and out of every response but the token
 * pair.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsTests extends AuthServiceTestSupport {

	static final List<String> CHATTY = List.of("hub.ameen", "org.springframework.web", "org.springframework.http",
			"org.springframework.core.codec", "org.springframework.security", "org.springframework.kafka");

	@Autowired
	LoggingSystem logging;

	@BeforeEach
	void debug() {
		CHATTY.forEach((name) -> this.logging.setLogLevel(name, LogLevel.DEBUG));
	}

	@AfterEach
	void quiet() {
		CHATTY.forEach((name) -> this.logging.setLogLevel(name, null));
	}

	@Test
	void secretsNeverReachTheLogs(CapturedOutput output) {
		TestUser user = createUser("member");
		TokenResponse tokens = login(user);
		TokenResponse refreshed = refresh(tokens.refreshToken()).expectBody(TokenResponse.class)
			.returnResult()
			.getResponseBody();
		String newPassword = "my-new-secret-" + System.nanoTime();
		this.client.post()
			.uri("/api/auth/password")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + refreshed.accessToken())
			.bodyValue(Map.of("currentPassword", user.password(), "newPassword", newPassword))
			.exchange()
			.expectStatus()
			.isNoContent();
		String hash = Passwords.encoder().encode("another-" + newPassword);
		events.credential(user.id(), hash);
		await().atMost(PATIENCE)
			.until(() -> this.store.read((txn) -> this.accounts.passwordHash(txn, user.id()))
				.filter(hash::equals)
				.isPresent());

		assertThat(serviceLines(output)).as("DEBUG logging of the requests happened")
			.contains("password=***")
			.contains("refreshToken=***")
			.doesNotContain(user.password(), newPassword, hash, hash.substring(20), tokens.refreshToken(),
					tokens.accessToken(), refreshed.refreshToken(), refreshed.accessToken());
	}

	/**
	 * Leaves out what the test's own client logs (the test thread and the client's event
	 * loop).
	 */
	private static String serviceLines(CapturedOutput output) {
		return output.getAll()
			.lines()
			.filter((line) -> !line.contains("[           main]") && !line.contains("[or-http-epoll-"))
			.collect(Collectors.joining("\n"));
	}

	@Test
	void recordsHoldingSecretsMaskThem() {
		TokenResponse tokens = new TokenResponse("access.jwt.value", "refresh-value", "Bearer", 600);

		assertThat(tokens.toString()).doesNotContain("access.jwt.value", "refresh-value").contains("expiresIn=600");
	}

}
