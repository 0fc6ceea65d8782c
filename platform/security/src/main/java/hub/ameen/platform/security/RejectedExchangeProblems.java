package hub.ameen.platform.security;

import java.util.Set;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers what the firewall refuses as a problem detail instead of an empty 400: a method
 * it does not allow (TRACE, unknown ones) is 405 with {@code Allow}, a suspicious path or
 * header is 400. The firewall's own message (which may quote the input) is not sent.
 */
class RejectedExchangeProblems implements ServerExchangeRejectedHandler {

	/** The methods {@code StrictServerWebExchangeFirewall} lets through by default. */
	static final Set<HttpMethod> ALLOWED = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
			HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

	private static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

	private final ProblemResponses responses;

	RejectedExchangeProblems(ProblemResponses responses) {
		this.responses = responses;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
		if (!ALLOWED.contains(exchange.getRequest().getMethod())) {
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.ALLOW, ALLOW);
			return this.responses.write(exchange, ProblemResponses.problem(HttpStatus.METHOD_NOT_ALLOWED,
					ProblemTypes.METHOD_NOT_ALLOWED, "This method is not supported"), headers);
		}
		return this.responses.write(exchange, ProblemResponses.problem(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST,
				"The request was rejected because its URL or headers are not allowed"));
	}

}
