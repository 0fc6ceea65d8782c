package hub.ameen.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our writer answers every kind of response with exactly the headers Spring Security's
 * own default writers give it, in the same order.
 */
class DefaultSecurityHeadersTests {

	/** Spring Security's header writing as a chain with its defaults has it. */
	private static final WebFilter SPRING = ServerHttpSecurity.http()
		.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
		.build()
		.getWebFilters()
		.filter(HttpHeaderWriterWebFilter.class::isInstance)
		.blockFirst();

	private static final WebFilter OURS = new HttpHeaderWriterWebFilter(new DefaultSecurityHeaders());

	static Stream<Arguments> responses() {
		return Stream.of(Arguments.of("a plain answer", "http", response(HttpStatus.OK, Map.of())),
				Arguments.of("over HTTPS", "https", response(HttpStatus.OK, Map.of())),
				Arguments.of("over HTTPS, its own HSTS", "https",
						response(HttpStatus.OK, Map.of("Strict-Transport-Security", "max-age=60"))),
				Arguments.of("a 304", "http", response(HttpStatus.NOT_MODIFIED, Map.of())),
				Arguments.of("a 304 over HTTPS", "https", response(HttpStatus.NOT_MODIFIED, Map.of())),
				Arguments.of("a problem", "http", response(HttpStatus.NOT_FOUND, Map.of())),
				Arguments.of("a file's own caching", "http",
						(Consumer<ServerHttpResponse>) (response) -> response.getHeaders()
							.setCacheControl(CacheControl.noCache().cachePrivate())),
				Arguments.of("one of the cache group", "http", response(HttpStatus.OK, Map.of("Expires", "60"))),
				Arguments.of("its own nosniff, named in lower case", "http",
						response(HttpStatus.OK, Map.of("x-content-type-options", "nosniff"))),
				Arguments.of("its own frame options", "http",
						response(HttpStatus.OK, Map.of("X-Frame-Options", "SAMEORIGIN"))),
				Arguments.of("its own referrer policy and XSS header", "https",
						response(HttpStatus.OK, Map.of("Referrer-Policy", "same-origin", "X-XSS-Protection", "1"))),
				Arguments.of("every header its own", "https",
						response(HttpStatus.OK,
								Map.of("Cache-Control", "no-store", "X-Content-Type-Options", "nosniff",
										"Strict-Transport-Security", "max-age=1", "X-Frame-Options", "DENY",
										"X-XSS-Protection", "0", "Referrer-Policy", "origin"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("responses")
	void writesWhatSpringSecuritysOwnWritersWrite(String kind, String scheme, Consumer<ServerHttpResponse> handler) {
		List<Map.Entry<String, List<String>>> ours = written(OURS, scheme, handler);
		assertThat(ours).isEqualTo(written(SPRING, scheme, handler));
		assertThat(ours).isNotEmpty();
	}

	private static List<Map.Entry<String, List<String>>> written(WebFilter filter, String scheme,
			Consumer<ServerHttpResponse> handler) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get(scheme + "://hub.example/api/crm/contacts"));
		filter.filter(exchange, (filtered) -> {
			handler.accept(filtered.getResponse());
			return filtered.getResponse().setComplete();
		}).block();
		return new ArrayList<>(exchange.getResponse().getHeaders().headerSet());
	}

	private static Consumer<ServerHttpResponse> response(HttpStatus status, Map<String, String> headers) {
		return (response) -> {
			response.setStatusCode(status);
			headers.forEach(response.getHeaders()::set);
		};
	}

}
