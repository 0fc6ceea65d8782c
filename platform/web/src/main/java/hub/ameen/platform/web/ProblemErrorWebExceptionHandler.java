package hub.ameen.platform.web;

import java.util.concurrent.RejectedExecutionException;

import io.netty.channel.Channel;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Renders errors that escape the controllers (unknown paths, filters, oversized bodies,
 * unexpected failures) as problem details through the same handler. A client that went
 * away before its answer (a tab closed during an upload, a dropped connection: its
 * connection closed, and the error says so) gets none and is nobody's error: one debug
 * line under {@value #GONE}, and the request's observation marks its connection aborted,
 * as Spring's own handler does.
 */
class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

	static final String GONE = "hub.ameen.platform.web.ClientGone";

	private static final DisconnectedClientHelper gone = new DisconnectedClientHelper(GONE);

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
		Channel channel = ServerChannels.of(exchange.getRequest());
		if (channel == null || !DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			return problem(exchange, ex);
		}
		return closed(channel).flatMap((closed) -> {
			if (closed && gone.checkAndLogClientDisconnectedException(ex)) {
				ServerRequestObservationContext.findCurrent(exchange.getAttributes())
					.ifPresent((observation) -> observation.setConnectionAborted(true));
				return Mono.<Void>empty();
			}
			return problem(exchange, ex);
		});
	}

	private Mono<Void> problem(ServerWebExchange exchange, Throwable ex) {
		return this.handler.handleAny(ex, exchange)
			.flatMap((entity) -> this.responses.write(exchange, problemOf(entity), entity.getHeaders()));
	}

	/**
	 * Whether the client's connection is closed: a failure of a call this service made
	 * can read like a client's going away ("connection reset by peer"), and its client,
	 * still connected, is owed a 500. Asked on the connection's own event loop, after the
	 * task in which it failed: a reset is raised on the loop before the loop closes the
	 * connection, and an error handled off the loop (a multipart body read on another
	 * thread) could otherwise see it still open.
	 */
	private static Mono<Boolean> closed(Channel channel) {
		return Mono.create((sink) -> {
			try {
				channel.eventLoop().execute(() -> sink.success(!channel.isActive()));
			}
			catch (RejectedExecutionException ex) { // the loop is shutting down
				sink.success(!channel.isActive());
			}
		});
	}

	private static ProblemDetail problemOf(ResponseEntity<Object> entity) {
		return (entity.getBody() instanceof ProblemDetail problem) ? problem
				: ProblemDetail.forStatus(entity.getStatusCode());
	}

}
