package hub.ameen.notification.stream;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;
import hub.ameen.platform.web.ReadRearmingCustomizer;
import hub.ameen.platform.web.RequestIdFilter;
import hub.ameen.platform.web.RequestTargetLimitFilter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerHttpObservationDocumentation;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.http.server.reactive.observation.ServerRequestObservationConvention;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves {@code GET /api/notifications/stream} on Reactor Netty itself, ahead of WebFlux:
 * a route of the server, so an open stream holds its connection, its request and
 * response, and its own operators, and nothing of WebFlux's exchange, filter chain or
 * handler methods.
 * <p>
 * A stream lives for hours, and everything its response's subscription reaches lives as
 * long: served through WebFlux, a stream held ~18 KB of heap, of which the exchange and
 * the filter chain's operators were about half (decision 0007, fourth and fifth rounds).
 * So this route does itself what WebFlux did for it: the request id (kept or made, and
 * answered), the request-target limit, the {@code http.server.requests} observation
 * (tagged with the stream's path, which the latency alert leaves out; it times the
 * opening, up to the response's status and headers, not the stream's life), and problem
 * details for what it refuses. {@link StreamAuthenticator} checks the ticket or the
 * bearer token. {@link StreamController} still declares the operation (its OpenAPI
 * document) and answers {@code HEAD}, which this route leaves to WebFlux.
 */
@Component
class StreamRoute implements NettyRouteProvider {

	static final String PATH = "/api/notifications/stream";

	private static final Logger logger = LoggerFactory.getLogger(StreamRoute.class);

	private static final ServerRequestObservationConvention DEFAULT_CONVENTION = new DefaultServerRequestObservationConvention();

	private final StreamAuthenticator authenticator;

	private final NotificationStreams streams;

	/** Writes problem details as Spring's encoders do: their properties at the top. */
	private final JsonMapper problems;

	private final ObservationRegistry observations;

	private final ServerRequestObservationConvention convention;

	private final RequestTargetLimitFilter requestTargets;

	/** Not a bean of its own: the application's {@code HttpHandler} is WebFlux's. */
	private final ReactorHttpHandlerAdapter adapter = new ReactorHttpHandlerAdapter(this::handle);

	StreamRoute(StreamAuthenticator authenticator, NotificationStreams streams, JsonMapper json,
			ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<ServerRequestObservationConvention> convention, RequestTargetLimitFilter requestTargets) {
		this.authenticator = authenticator;
		this.streams = streams;
		this.problems = json.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
		this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
		this.convention = convention.getIfAvailable(() -> DEFAULT_CONVENTION);
		this.requestTargets = requestTargets;
	}

	@Override
	public HttpServerRoutes apply(HttpServerRoutes routes) {
		return routes.get(PATH, this.adapter);
	}

	private Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
		String requestId = RequestIdFilter.idFor(request.getHeaders().getFirst(RequestIdFilter.HEADER));
		response.getHeaders().set(RequestIdFilter.HEADER, requestId);
		ServerRequestObservationContext context = new ServerRequestObservationContext(request, response,
				new ConcurrentHashMap<>());
		// tagged with the path as a mapped handler would be: the latency alert leaves
		// the stream out by its uri
		context.setPathPattern(PATH);
		Opening opening = new Opening(ServerHttpObservationDocumentation.HTTP_REACTIVE_SERVER_REQUESTS
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.observations)
			.start());
		// the observation times the opening, up to the response's status and headers:
		// a stream's whole life is hours, and a stream should not keep its observation
		response.beforeCommit(() -> {
			opening.stop();
			return Mono.empty();
		});
		return Mono.defer(() -> stream(request, response, opening))
			.onErrorResume((ex) -> refuse(request, response, requestId, ex))
			.doOnError(opening::failed)
			.doOnCancel(opening::aborted);
	}

	/**
	 * The request's observation until the response starts, then nothing: it is stopped
	 * once, and an open stream does not keep it.
	 */
	private static final class Opening {

		private final AtomicReference<Observation> observation;

		Opening(Observation observation) {
			this.observation = new AtomicReference<>(observation);
		}

		void stop() {
			Observation started = this.observation.getAndSet(null);
			if (started != null) {
				started.stop();
			}
		}

		void failed(Throwable ex) {
			Observation started = this.observation.getAndSet(null);
			if (started != null) {
				started.error(ex).stop();
			}
		}

		void aborted() {
			Observation started = this.observation.getAndSet(null);
			if (started != null) {
				((ServerRequestObservationContext) started.getContext()).setConnectionAborted(true);
				started.stop();
			}
		}

	}

	private Mono<Void> stream(ServerHttpRequest request, ServerHttpResponse response, Opening opening) {
		ResponseStatusException tooLong = this.requestTargets.refusal(request.getURI());
		if (tooLong != null) {
			return Mono.error(tooLong);
		}
		acceptable(request.getHeaders());
		Long lastEventId = StreamController.lastEventId(request.getHeaders().getFirst(StreamController.LAST_EVENT_ID),
				request.getQueryParams().getFirst("lastEventId"));
		// the stream follows the finished check, not its operators: a future drops its
		// source once it has the reader, so the decoded token and the chain that checked
		// it are not kept while the stream is open
		return Mono
			.fromFuture(this.authenticator.reader(request, request.getQueryParams().getFirst("ticket")).toFuture())
			.flatMap((reader) -> {
				StreamConnection connection = this.streams.open(reader);
				try {
					return respond(request, response, connection, lastEventId, opening);
				}
				catch (RuntimeException ex) {
					this.streams.close(connection);
					throw ex;
				}
			});
	}

	/**
	 * Sends the status and headers, then hands the channel to the stream, which writes
	 * its events straight to it; completes when the stream ends, and unregisters it
	 * however it ends (also when the client goes away).
	 */
	private Mono<Void> respond(ServerHttpRequest request, ServerHttpResponse response, StreamConnection connection,
			Long lastEventId, Opening opening) {
		response.setStatusCode(HttpStatus.OK);
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.TEXT_EVENT_STREAM);
		headers.setCacheControl("no-store");
		// nginx: pass each event on at once instead of buffering the response
		headers.set("X-Accel-Buffering", "no");
		headers.set("X-Content-Type-Options", "nosniff");
		// the credential has been checked: an open stream does not keep it for hours
		HttpServerRequest nettyRequest = ServerHttpRequestDecorator.getNativeRequest(request);
		nettyRequest.requestHeaders().remove(HttpHeaderNames.AUTHORIZATION);
		HttpServerResponse netty = ServerHttpResponseDecorator.getNativeResponse(response);
		netty.status(HttpResponseStatus.OK);
		Channel channel = ((reactor.netty.Connection) netty).channel();
		// a stream reads no next request while it is open: its connection need not be
		// asked to read every quarter second meanwhile
		Runnable rearmReads = ReadRearmingCustomizer.pause(channel);
		return netty.sendHeaders().then().then(Mono.defer(() -> {
			opening.stop();
			try {
				this.streams.start(connection, lastEventId, channel);
			}
			catch (RuntimeException ex) {
				// the response has started: the stream ends, and the client resumes
				logger.error("Failed to start a notification stream", ex);
				return Mono.empty();
			}
			return connection.ended();
		})).doFinally((signal) -> {
			this.streams.close(connection);
			rearmReads.run();
		});
	}

	/**
	 * What the stream refuses before it starts, as a problem detail; anything else is a
	 * 500 without its message.
	 */
	private Mono<Void> refuse(ServerHttpRequest request, ServerHttpResponse response, String requestId, Throwable ex) {
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		ProblemDetail problem;
		HttpHeaders extra = new HttpHeaders();
		if (ex instanceof ErrorResponse refused) {
			problem = refused.getBody();
			extra.addAll(refused.getHeaders());
		}
		else {
			logger.error("Failed to open a notification stream [{}]", requestId, ex);
			problem = ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR,
					ProblemTypes.forStatus(HttpStatus.INTERNAL_SERVER_ERROR), "The stream could not be opened");
		}
		ProblemResponses.complete(problem, request.getURI().getRawPath(), requestId);
		response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
		HttpHeaders headers = response.getHeaders();
		headers.addAll(extra);
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setCacheControl("no-store");
		headers.set("X-Content-Type-Options", "nosniff");
		byte[] body = this.problems.writeValueAsBytes(problem);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	/**
	 * A request that accepts no event stream is answered 406, as the mapping's produces
	 * did.
	 */
	private static void acceptable(HttpHeaders headers) {
		List<MediaType> accepted;
		try {
			accepted = headers.getAccept();
		}
		catch (RuntimeException ex) {
			throw new NotAcceptableStatusException("The Accept header cannot be read");
		}
		if (!accepted.isEmpty()
				&& accepted.stream().noneMatch((type) -> type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM))) {
			throw new NotAcceptableStatusException(List.of(MediaType.TEXT_EVENT_STREAM));
		}
	}

}
