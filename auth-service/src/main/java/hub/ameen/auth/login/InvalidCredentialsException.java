package hub.ameen.auth.login;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Wrong email, wrong password or a disabled user: 401, the same answer for each.
 */
public class InvalidCredentialsException extends ErrorResponseException {

	public InvalidCredentialsException() {
		super(HttpStatus.UNAUTHORIZED, ProblemResponses.problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED,
				"The email or password is incorrect"), null);
	}

}
