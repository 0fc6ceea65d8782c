package hub.ameen.auth.token;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A refresh token that is unknown, spent, expired, revoked, or whose user may no longer
 * log in: 401, with one answer for every reason.
 */
class InvalidRefreshTokenException extends ErrorResponseException {

	InvalidRefreshTokenException() {
		super(HttpStatus.UNAUTHORIZED, ProblemResponses.problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED,
				"The refresh token is invalid, expired or revoked; log in again"), null);
	}

}
