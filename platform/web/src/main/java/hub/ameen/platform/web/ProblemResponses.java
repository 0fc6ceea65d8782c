package hub.ameen.platform.web;

import java.net.URI;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds, completes and writes problem details outside of controllers (security entry
 * points, web filters, gateway fallbacks), in the same shape as the exception handler.
 */
public class ProblemResponses {

	/** Name of the problem property that carries the request id. */
	public static final String REQUEST_ID_PROPERTY = "requestId";

	private static final URI BLANK = URI.create("about:blank");

	private final ServerResponse.Context context;

	public ProblemResponses(ServerCodecConfigurer codecs) {
		List<HttpMessageWriter<?>> writers = codecs.getWriters();
		this.context = new ServerResponse.Context() {

			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return writers;
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}

		};
	}

	/**
	 * A new problem detail.
	 * @param status the response status
	 * @param type one of {@link ProblemTypes}
	 * @param detail a human-readable explanation, safe to show to the client
	 * @return the problem detail
	 */
	public static ProblemDetail problem(HttpStatusCode status, URI type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		return problem;
	}

	/**
	 * Fill in what every problem carries: a type (from the status when blank), the
	 * request path as {@code instance} and the {@code requestId} property.
	 * @param problem the problem to complete
	 * @param exchange the current exchange
	 * @return the same problem
	 */
	public static ProblemDetail complete(ProblemDetail problem, ServerWebExchange exchange) {
		String path = exchange.getAttribute(RequestIdFilter.PATH_KEY);
		return complete(problem, (path != null) ? path : exchange.getRequest().getURI().getRawPath(),
				RequestIdFilter.requestId(exchange));
	}

	/**
	 * Fill in what every problem carries, for a request answered outside WebFlux's
	 * exchange.
	 * @param problem the problem to complete
	 * @param path the request path as the client sent it ({@code instance})
	 * @param requestId the request id, may be null
	 * @return the same problem
	 */
	public static ProblemDetail complete(ProblemDetail problem, String path, String requestId) {
		if (problem.getType() == null || BLANK.equals(problem.getType())) {
			problem.setType(ProblemTypes.forStatus(HttpStatusCode.valueOf(problem.getStatus())));
		}
		if (problem.getInstance() == null) {
			problem.setInstance(URI.create(path));
		}
		if (requestId != null) {
			problem.setProperty(REQUEST_ID_PROPERTY, requestId);
		}
		return problem;
	}

	/**
	 * Complete the problem and write it as {@code application/problem+json}.
	 * @param exchange the current exchange
	 * @param problem the problem
	 * @return completes when the response is written
	 */
	public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		return write(exchange, problem, new HttpHeaders());
	}

	/**
	 * Complete the problem and write it as {@code application/problem+json} with extra
	 * headers (e.g. {@code WWW-Authenticate}, {@code Allow}).
	 * @param exchange the current exchange
	 * @param problem the problem
	 * @param headers extra response headers
	 * @return completes when the response is written
	 */
	public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, HttpHeaders headers) {
		complete(problem, exchange);
		return ServerResponse.status(problem.getStatus())
			.headers((h) -> h.addAll(headers))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(problem)
			.flatMap((response) -> response.writeTo(exchange, this.context));
	}

}
