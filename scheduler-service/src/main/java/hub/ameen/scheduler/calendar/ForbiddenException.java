package hub.ameen.scheduler.calendar;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The caller may read the event but not change it: 403 with type
 * {@link ProblemTypes#FORBIDDEN}.
 */
class ForbiddenException extends ErrorResponseException {

	ForbiddenException(String detail) {
		super(HttpStatus.FORBIDDEN, ProblemResponses.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, detail),
				null);
	}

}
