package hub.ameen.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The request conflicts with the current state (a duplicate, a stale version): 409 with
 * type {@link ProblemTypes#CONFLICT}.
 */
public class ConflictException extends ErrorResponseException {

	public ConflictException(String detail) {
		super(HttpStatus.CONFLICT, ProblemResponses.problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, detail), null);
	}

}
