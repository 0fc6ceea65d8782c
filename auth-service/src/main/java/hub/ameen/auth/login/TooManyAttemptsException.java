package hub.ameen.auth.login;

import java.time.Duration;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Too many login attempts, from one address or for one account: 429 with
 * {@code Retry-After} in seconds.
 */
public class TooManyAttemptsException extends ErrorResponseException {

	public TooManyAttemptsException(Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS,
				ProblemTypes.TOO_MANY_REQUESTS, "Too many login attempts; try again later"), null);
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		getBody().setProperty("retryAfterSeconds", seconds);
	}

}
