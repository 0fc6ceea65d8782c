package hub.ameen.tasks.task;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A member tried to change a task that is neither theirs nor given to them: 403 with type
 * {@link ProblemTypes#FORBIDDEN}.
 */
class TaskAccessDenied extends ErrorResponseException {

	TaskAccessDenied(String id) {
		super(HttpStatus.FORBIDDEN,
				ProblemResponses.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
						"Task " + id + " can be changed only by its creator, its assignee or a holder of tasks:manage"),
				null);
	}

}
