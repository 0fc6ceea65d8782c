package hub.ameen.auth;

import java.util.Map;

import hub.ameen.platform.web.ProblemTypes;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-account lockout and the per-address rate limit, over HTTP: both answer 429 with
 * {@code Retry-After}, and neither tells existing emails from unknown ones.
 */
class BruteForceTests extends AuthServiceTestSupport {

	@Autowired
	MeterRegistry meters;

	/** {@code hub_auth_sign_ins_total} of one outcome, so far. */
	private double signIns(String outcome) {
		return this.meters.get("hub.auth.sign.ins").tag("outcome", outcome).counter().count();
	}

	@Test
	void fiveFailuresLockTheAccountEvenForTheRightPassword() {
		TestUser user = createUser("member");
		double failures = signIns("failure");
		double locked = signIns("locked");
		for (int i = 0; i < 5; i++) {
			attemptLogin(user.email(), "wrong-password-" + i).expectStatus().isUnauthorized();
		}

		long retryAfter = assertTooManyAttempts(attemptLogin(user.email(), user.password()));

		assertThat(retryAfter).isBetween(800L, 900L);
		assertThat(signIns("failure") - failures).isEqualTo(5);
		assertThat(signIns("locked") - locked).isEqualTo(1);
	}

	@Test
	void unknownEmailLocksExactlyLikeAKnownOne() {
		String unknown = "nobody-" + System.nanoTime() + "@hub.test";
		for (int i = 0; i < 5; i++) {
			attemptLogin(unknown, "wrong-password-" + i).expectStatus().isUnauthorized();
		}

		assertTooManyAttempts(attemptLogin(unknown, "wrong-password"));
	}

	@Test
	void successResetsTheCountOfFailures() {
		TestUser user = createUser("member");
		double successes = signIns("success");
		for (int i = 0; i < 4; i++) {
			attemptLogin(user.email(), "wrong-password-" + i).expectStatus().isUnauthorized();
		}
		login(user);
		for (int i = 0; i < 4; i++) {
			attemptLogin(user.email(), "wrong-password-" + i).expectStatus().isUnauthorized();
		}

		login(user);
		assertThat(signIns("success") - successes).isGreaterThanOrEqualTo(2);
	}

	@Test
	void oneAddressIsLimitedToTenAttemptsWhileOthersGoOn() {
		TestUser user = createUser("member");
		String address = freshAddress();
		String prefix = "someone-" + System.nanoTime() + "-";
		for (int i = 0; i < 10; i++) {
			loginFrom(address, prefix + i + "@hub.test").expectStatus().isUnauthorized();
		}

		double limited = signIns("limited");
		long retryAfter = assertTooManyAttempts(loginFrom(address, user.email()));

		assertThat(retryAfter).isBetween(1L, 60L);
		assertThat(signIns("limited") - limited).isEqualTo(1);
		loginFrom(freshAddress(), prefix + "0@hub.test").expectStatus().isUnauthorized();
	}

	@Test
	void aClientCannotEscapeTheAddressLimitByForgingForwardedHops() {
		String address = freshAddress();
		String prefix = "forger-" + System.nanoTime() + "-";
		for (int i = 0; i < 10; i++) {
			loginVia(forgedHop(i) + ", " + address, prefix + i + "@hub.test").expectStatus().isUnauthorized();
		}

		assertTooManyAttempts(loginVia(forgedHop(10) + ", " + address, prefix + "10@hub.test"));
	}

	private static String forgedHop(int i) {
		return "198.51.100." + (i + 1);
	}

	private WebTestClient.ResponseSpec loginFrom(String address, String email) {
		return loginVia(address, email);
	}

	/** Through the gateway on loopback, which appends the address it saw last. */
	private WebTestClient.ResponseSpec loginVia(String forwardedFor, String email) {
		return this.client.post()
			.uri("/api/auth/login")
			.header("X-Forwarded-For", forwardedFor)
			.bodyValue(Map.of("email", email, "password", "wrong-password"))
			.exchange();
	}

	private long assertTooManyAttempts(WebTestClient.ResponseSpec response) {
		String retryAfter = response.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.TOO_MANY_REQUESTS.toString())
			.returnResult()
			.getResponseHeaders()
			.getFirst(HttpHeaders.RETRY_AFTER);
		assertThat(retryAfter).isNotNull();
		return Long.parseLong(retryAfter);
	}

}
