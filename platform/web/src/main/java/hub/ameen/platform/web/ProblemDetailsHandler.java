package hub.ameen.platform.web;

import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * The one place that turns exceptions into RFC 9457 problem details: Spring's own web
 * exceptions, {@link org.springframework.web.ErrorResponseException}s (our business
 * errors), {@link IllegalArgumentException}s, and, through {@link #handleAny}, refused
 * connections as 503 and everything else as a generic 500.
 */
@RestControllerAdvice
class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ProblemDetailsHandler.class);

	/**
	 * Handle any error, also those raised outside controllers.
	 * @param ex the error
	 * @param exchange the current exchange
	 * @return the problem response
	 */
	Mono<ResponseEntity<Object>> handleAny(Throwable ex, ServerWebExchange exchange) {
		if (ex instanceof IllegalArgumentException illegal) {
			return handleIllegalArgument(illegal, exchange);
		}
		if (ex instanceof ResponseStatusException || ex instanceof ErrorResponseException) {
			return handleException((Exception) ex, exchange);
		}
		if (ex instanceof ErrorResponse response && ex instanceof Exception other) {
			return handleExceptionInternal(other, null, response.getHeaders(), response.getStatusCode(), exchange);
		}
		if (ex instanceof ConnectException) {
			return unavailable(ex, exchange);
		}
		return unexpected(ex, exchange);
	}

	@ExceptionHandler
	Mono<ResponseEntity<Object>> handleIllegalArgument(IllegalArgumentException ex, ServerWebExchange exchange) {
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST,
				ex.getMessage());
		return handleExceptionInternal(ex, problem, null, HttpStatus.BAD_REQUEST, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<Map<String, String>> errors = ex.getAllErrors()
			.stream()
			.map((error) -> field(
					(error instanceof FieldError fieldError) ? fieldError.getField() : error.getObjectName(),
					bindingMessage(error)))
			.toList();
		return handleExceptionInternal(ex, validation(errors), headers, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> (result instanceof ParameterErrors body && body.hasFieldErrors())
					// a body validated along with a path variable: name its fields
					? body.getFieldErrors().stream().map((error) -> field(error.getField(), error.getDefaultMessage()))
					: result.getResolvableErrors()
						.stream()
						.map((error) -> field(result.getMethodParameter().getParameterName(), message(error))))
			.toList();
		return handleExceptionInternal(ex, validation(errors), headers, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		boolean body = ex.getMethodParameter() != null
				&& ex.getMethodParameter().hasParameterAnnotation(RequestBody.class);
		if (!body && !(ex.getCause() instanceof DecodingException)) {
			return super.handleServerWebInputException(ex, headers, status, exchange);
		}
		String detail = (ex.getCause() != null)
				? "The request body is not valid JSON or does not fit the expected shape"
				: "The request body is missing";
		ProblemDetail problem = ProblemResponses.problem(status, ProblemTypes.MALFORMED_BODY, detail);
		return handleExceptionInternal(ex, problem, headers, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		if (status.is5xxServerError()) {
			log.error(describe(exchange) + " failed with " + status.value(), ex);
		}
		else if (log.isDebugEnabled()) {
			log.debug(describe(exchange) + " answered " + status.value() + ": " + ex);
		}
		return super.handleExceptionInternal(ex, body, headers, status, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			ServerWebExchange exchange) {
		if (body instanceof ProblemDetail problem) {
			ProblemResponses.complete(problem, exchange);
			// always JSON, whatever the client accepts: a stream client's 404 is no event
			HttpHeaders problemHeaders = new HttpHeaders();
			if (headers != null) {
				problemHeaders.putAll(headers);
			}
			problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			return super.createResponseEntity(body, problemHeaders, status, exchange);
		}
		return super.createResponseEntity(body, headers, status, exchange);
	}

	private Mono<ResponseEntity<Object>> unavailable(Throwable ex, ServerWebExchange exchange) {
		log.warn(describe(exchange) + " found a service unavailable: " + ex);
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE,
				ProblemTypes.SERVICE_UNAVAILABLE, "A service this request needs is unavailable; try again shortly");
		return createResponseEntity(problem, null, HttpStatus.SERVICE_UNAVAILABLE, exchange);
	}

	private Mono<ResponseEntity<Object>> unexpected(Throwable ex, ServerWebExchange exchange) {
		log.error(describe(exchange) + " failed unexpectedly", ex);
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL,
				"An unexpected error occurred; it has been logged with the request id");
		return createResponseEntity(problem, null, HttpStatus.INTERNAL_SERVER_ERROR, exchange);
	}

	private static ProblemDetail validation(List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
				"The request has " + errors.size() + " invalid field(s)");
		problem.setProperty("errors", errors);
		return problem;
	}

	private static Map<String, String> field(String field, String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", message);
		return error;
	}

	/**
	 * A value that could not even be converted (text for a number) says so plainly; the
	 * converter's own message names Java types.
	 */
	private static String bindingMessage(org.springframework.validation.ObjectError error) {
		return (error instanceof FieldError fieldError && fieldError.isBindingFailure())
				? "is not a valid value for this field" : error.getDefaultMessage();
	}

	private static String message(MessageSourceResolvable error) {
		return error.getDefaultMessage();
	}

	private static String describe(ServerWebExchange exchange) {
		return "[" + RequestIdFilter.requestId(exchange) + "] " + exchange.getRequest().getMethod() + " "
				+ exchange.getRequest().getURI().getRawPath();
	}

}
