package hub.ameen.notification.stream;

import java.net.URI;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;

/**
 * The problems the stream answers before it starts: 400, 401 with a bearer challenge,
 * 403, 429, 503. Each names its content type, or the stream mapping's
 * {@code text/event-stream} would be used to write it.
 */
final class StreamProblems {

	private StreamProblems() {
	}

	static ErrorResponseException badRequest(String detail) {
		return problem(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, detail);
	}

	static ErrorResponseException unauthorized(String detail) {
		ErrorResponseException ex = problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, detail);
		ex.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return ex;
	}

	static ErrorResponseException forbidden(String detail) {
		return problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, detail);
	}

	static ErrorResponseException tooManyStreams(int max) {
		return problem(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS,
				"At most " + max + " notification streams may be open at once for one user; close one first");
	}

	static ErrorResponseException unavailable(String detail) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, detail);
	}

	private static ErrorResponseException problem(HttpStatus status, URI type, String detail) {
		ErrorResponseException ex = new ErrorResponseException(status, ProblemResponses.problem(status, type, detail),
				null);
		ex.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return ex;
	}

}
