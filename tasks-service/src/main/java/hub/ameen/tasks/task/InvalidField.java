package hub.ameen.tasks.task;

import java.util.List;
import java.util.Map;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A field that is well-formed but names something that is not there (a user who is not
 * active, an email that is nobody's): 400 with type {@link ProblemTypes#VALIDATION} and
 * the field in {@code errors}, like a bean validation error.
 */
public class InvalidField extends ErrorResponseException {

	public InvalidField(String field, String message) {
		super(HttpStatus.BAD_REQUEST, problem(field, message), null);
	}

	private static org.springframework.http.ProblemDetail problem(String field, String message) {
		var problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
				"The request has 1 invalid field(s)");
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return problem;
	}

}
