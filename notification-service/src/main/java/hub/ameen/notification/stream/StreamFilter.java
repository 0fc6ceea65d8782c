package hub.ameen.notification.stream;

import java.nio.charset.StandardCharsets;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers {@code GET /api/notifications/stream} at the head of the web filter chain,
 * instead of through Spring Security's filters and an annotated controller method.
 * <p>
 * A stream lives for hours, and everything its response's subscription reaches lives as
 * long: every filter's operators and checkpoints, the security chain's matchers, the
 * handler method with its argument resolvers and models. That was ~20 KB of the ~39 KB of
 * heap an open stream held (decision 0007, fourth round). Here the stream holds its
 * connection, its exchange and its own operators. The path is public to the security
 * chain anyway: {@link StreamAuthenticator} checks the ticket or the bearer token, and
 * its refusals are problem details, as the service's other errors.
 * {@link StreamController} still declares the operation (its OpenAPI document,
 * {@code HEAD}).
 */
@Component
class StreamFilter implements WebFilter, Ordered {

	static final String PATH = "/api/notifications/stream";

	private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.UTF_8);

	private final StreamAuthenticator authenticator;

	private final NotificationStreams streams;

	private final JsonMapper json;

	StreamFilter(StreamAuthenticator authenticator, NotificationStreams streams, JsonMapper json) {
		this.authenticator = authenticator;
		this.streams = streams;
		this.json = json;
	}

	/** After the request id and the request limits, before Spring Security. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 20;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!HttpMethod.GET.equals(request.getMethod())
				|| !PATH.equals(request.getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		// tagged with the path as a mapped handler would tag it: the latency alert
		// leaves the stream out by its uri
		ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.ifPresent((observation) -> observation.setPathPattern(PATH));
		return Mono.defer(() -> {
			acceptable(request.getHeaders());
			Long lastEventId = StreamController.lastEventId(
					request.getHeaders().getFirst(StreamController.LAST_EVENT_ID),
					request.getQueryParams().getFirst("lastEventId"));
			// the stream follows the finished check, not its operators: a future
			// drops its source once it has the reader, so the decoded token and
			// the chain that checked it are not kept while the stream is open
			return Mono
				.fromFuture(this.authenticator.reader(request, request.getQueryParams().getFirst("ticket")).toFuture())
				.flatMap((reader) -> respond(exchange.getResponse(),
						this.streams.open(reader, lastEventId, () -> close(request))));
		});
	}

	private Mono<Void> respond(ServerHttpResponse response, Flux<ServerSentEvent<Object>> events) {
		response.setStatusCode(HttpStatus.OK);
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.TEXT_EVENT_STREAM);
		headers.setCacheControl("no-store");
		// nginx: pass each event on at once instead of buffering the response
		headers.set("X-Accel-Buffering", "no");
		headers.set("X-Content-Type-Options", "nosniff");
		return response.writeAndFlushWith(events.map((event) -> Mono.just(encode(response.bufferFactory(), event))));
	}

	/**
	 * One event as Spring's {@code ServerSentEventHttpMessageWriter} writes it: its
	 * fields, comment and JSON data, then an empty line.
	 */
	DataBuffer encode(DataBufferFactory buffers, ServerSentEvent<Object> event) {
		StringBuilder fields = new StringBuilder(64);
		if (event.id() != null) {
			fields.append("id:").append(event.id()).append('\n');
		}
		if (event.event() != null) {
			fields.append("event:").append(event.event()).append('\n');
		}
		if (event.retry() != null) {
			fields.append("retry:").append(event.retry().toMillis()).append('\n');
		}
		if (event.comment() != null) {
			fields.append(':').append(event.comment().replace("\n", "\n:")).append('\n');
		}
		byte[] head;
		byte[] data = null;
		if (event.data() != null) {
			head = fields.append("data:").toString().getBytes(StandardCharsets.UTF_8);
			data = this.json.writeValueAsBytes(event.data());
		}
		else {
			head = fields.toString().getBytes(StandardCharsets.UTF_8);
		}
		int size = head.length + ((data != null) ? data.length + EVENT_END.length : 1);
		DataBuffer buffer = buffers.allocateBuffer(size);
		buffer.write(head);
		if (data != null) {
			buffer.write(data);
			buffer.write(EVENT_END);
		}
		else {
			buffer.write((byte) '\n');
		}
		return buffer;
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

	/**
	 * Closes the TCP connection under the response (Reactor Netty), dropping its buffers.
	 */
	static void close(ServerHttpRequest request) {
		Object connection = ServerHttpRequestDecorator.getNativeRequest(request);
		if (connection instanceof reactor.netty.Connection netty) {
			netty.channel().close();
		}
	}

}
