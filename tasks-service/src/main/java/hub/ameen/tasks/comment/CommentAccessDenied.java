package hub.ameen.tasks.comment;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Someone other than its author (without {@code tasks:manage}) tried to edit or delete a
 * comment: 403.
 */
class CommentAccessDenied extends ErrorResponseException {

	CommentAccessDenied(String id) {
		super(HttpStatus.FORBIDDEN, ProblemResponses.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
				"Comment " + id + " can be changed only by its author or a holder of tasks:manage"), null);
	}

}
