package hub.ameen.auth.password;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A field of the request that breaks a rule: 400 with the {@code errors} list of the
 * platform's validation problems.
 */
class InvalidFieldException extends ErrorResponseException {

	InvalidFieldException(String field, List<String> messages) {
		super(HttpStatus.BAD_REQUEST, ProblemResponses.problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
				"The request has " + messages.size() + " invalid field(s)"), null);
		getBody().setProperty("errors", messages.stream().map((message) -> error(field, message)).toList());
	}

	private static Map<String, String> error(String field, String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", message);
		return error;
	}

}
