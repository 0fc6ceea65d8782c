package hub.ameen.platform.web;

import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders errors that escape the controllers (unknown paths, filters, oversized bodies,
 * unexpected failures) as problem details through the same handler.
 */
class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

	private final ProblemDetailsHandler handler;

	private final ProblemResponses responses;

	ProblemErrorWebExceptionHandler(ProblemDetailsHandler handler, ProblemResponses responses) {
		this.handler = handler;
		this.responses = responses;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		return this.handler.handleAny(ex, exchange)
			.flatMap((entity) -> this.responses.write(exchange, problemOf(entity), entity.getHeaders()));
	}

	private static ProblemDetail problemOf(ResponseEntity<Object> entity) {
		return (entity.getBody() instanceof ProblemDetail problem) ? problem
				: ProblemDetail.forStatus(entity.getStatusCode());
	}

}
