package hub.ameen.gateway.fallback;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The circuit breakers' fallback: a 503 problem naming the service, for the original
 * path.
 */
@RestController
class FallbackController {

	private static final Log log = LogFactory.getLog(FallbackController.class);

	@RequestMapping("/fallback/{service}")
	Mono<ResponseEntity<ProblemDetail>> fallback(@PathVariable String service, ServerWebExchange exchange) {
		Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		log.warn(service + " is unavailable: " + cause);
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE,
				ProblemTypes.SERVICE_UNAVAILABLE, service + " is unavailable; try again shortly");
		ProblemResponses.complete(problem, exchange);
		return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem));
	}

}
