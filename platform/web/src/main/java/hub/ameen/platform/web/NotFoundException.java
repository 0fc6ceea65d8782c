package hub.ameen.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A resource the request names does not exist: 404 with type
 * {@link ProblemTypes#NOT_FOUND}.
 */
public class NotFoundException extends ErrorResponseException {

	/**
	 * Create the exception.
	 * @param what the kind of resource, e.g. {@code "Contact"}
	 * @param id the id that was not found
	 */
	public NotFoundException(String what, String id) {
		super(HttpStatus.NOT_FOUND,
				ProblemResponses.problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, what + " " + id + " not found"),
				null);
	}

}
