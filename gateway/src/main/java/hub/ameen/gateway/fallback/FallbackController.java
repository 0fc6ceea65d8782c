package hub.ameen.gateway.fallback;

import hub.ameen.gateway.GatewayProperties;
import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The circuit breakers' fallback: a 503 problem naming the service of the route that
 * failed. Its text comes from the configuration only (the route id, when it names a
 * service), never from the request.
 */
@RestController
class FallbackController {

	private static final Log log = LogFactory.getLog(FallbackController.class);

	private final GatewayProperties properties;

	FallbackController(GatewayProperties properties) {
		this.properties = properties;
	}

	@RequestMapping("/fallback")
	Mono<ResponseEntity<ProblemDetail>> fallback(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		String service = (route != null && this.properties.services().containsKey(route.getId())) ? route.getId()
				: "The service";
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
