package hub.ameen.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The request is well-formed but not acceptable (a rule of the domain it breaks): 400
 * with type {@link ProblemTypes#BAD_REQUEST}.
 */
public class BadRequestException extends ErrorResponseException {

	public BadRequestException(String detail) {
		super(HttpStatus.BAD_REQUEST,
				ProblemResponses.problem(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, detail), null);
	}

}
