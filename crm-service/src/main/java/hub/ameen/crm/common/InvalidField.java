package hub.ameen.crm.common;

import java.util.List;
import java.util.Map;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A field that passed bean validation but breaks a rule of the store (an id that names
 * nothing, a stage the pipeline lacks): 400 in the shape of a validation problem.
 */
public class InvalidField extends ErrorResponseException {

	public InvalidField(String field, String message) {
		super(HttpStatus.BAD_REQUEST, ProblemResponses.problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
				"The request has 1 invalid field(s)"), null);
		getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
	}

}
