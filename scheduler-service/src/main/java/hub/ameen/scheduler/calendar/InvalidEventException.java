package hub.ameen.scheduler.calendar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request whose fields break the rules: 400 with type {@link ProblemTypes#VALIDATION}
 * and the offending fields in {@code errors}, shaped like bean validation's problems.
 */
class InvalidEventException extends ErrorResponseException {

	private final List<FieldError> errors;

	InvalidEventException(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, problem(errors), null);
		this.errors = List.copyOf(errors);
	}

	/** The offending fields, in the order they are reported. */
	List<FieldError> errors() {
		return this.errors;
	}

	static InvalidEventException of(String field, String message) {
		return new InvalidEventException(List.of(new FieldError(field, message)));
	}

	private static ProblemDetail problem(List<FieldError> errors) {
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
				"The request has " + errors.size() + " invalid field(s)");
		problem.setProperty("errors", errors.stream().map(FieldError::asMap).toList());
		return problem;
	}

	/**
	 * One offending field.
	 *
	 * @param field the field's path, e.g. {@code reminders[2].minutesBefore}
	 * @param message what is wrong with it
	 */
	record FieldError(String field, String message) {

		Map<String, String> asMap() {
			Map<String, String> map = new LinkedHashMap<>();
			map.put("field", this.field);
			map.put("message", this.message);
			return map;
		}

	}

}
