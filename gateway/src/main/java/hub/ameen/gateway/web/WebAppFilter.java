package hub.ameen.gateway.web;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Serves the single-page app: a browser's GET of one of its routes ({@code /calendar},
 * {@code /tasks/42}) gets {@code index.html}, and the files' caching is set — hashed
 * {@code /assets/} for a year, {@code index.html} never without revalidation. Runs before
 * the security filter, so a rewritten route is as public as {@code index.html}.
 */
@Component
class WebAppFilter implements WebFilter, Ordered {

	static final String INDEX = "/index.html";

	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	static final String NO_CACHE = "no-cache";

	private static final List<String> SERVER_PREFIXES = List.of("/api/", "/actuator/", "/fallback/", "/assets/");

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerWebExchange served = isAppRoute(exchange.getRequest())
				? exchange.mutate().request((request) -> request.path(INDEX)).build() : exchange;
		String cacheControl = cacheControl(served.getRequest().getPath().pathWithinApplication().value());
		if (cacheControl != null) {
			ServerHttpResponse response = served.getResponse();
			response.beforeCommit(() -> {
				if (response.getStatusCode() != null && !response.getStatusCode().isError()) {
					response.getHeaders().setCacheControl(cacheControl);
				}
				return Mono.empty();
			});
		}
		return chain.filter(served);
	}

	static boolean isAppRoute(ServerHttpRequest request) {
		String path = request.getPath().pathWithinApplication().value();
		return (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))
				&& !path.equals("/api") && SERVER_PREFIXES.stream().noneMatch(path::startsWith)
				&& !lastSegment(path).contains(".") && acceptsHtml(request.getHeaders());
	}

	static String cacheControl(String path) {
		if (path.startsWith("/assets/")) {
			return IMMUTABLE;
		}
		return path.equals(INDEX) ? NO_CACHE : null;
	}

	private static String lastSegment(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static boolean acceptsHtml(HttpHeaders headers) {
		try {
			return headers.getAccept().stream().anyMatch((type) -> type.equalsTypeAndSubtype(MediaType.TEXT_HTML));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
