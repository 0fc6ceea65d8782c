package hub.ameen.platform.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Security's default response headers, written as its own writers write them: each
 * group only when the response has none of the group's headers yet, the cache headers on
 * anything but a 304, {@code Strict-Transport-Security} only over HTTPS.
 * <p>
 * Spring Security's static writer makes a new case-insensitive set of its group's names
 * on every response, lower-casing each, before it looks them up: with six groups, 8 % of
 * what a contact by id allocated in crm-service (decision 0007). This looks each name up
 * as it is. {@code DefaultSecurityHeadersTests} holds it to Spring's own writers.
 */
final class DefaultSecurityHeaders implements ServerHttpHeadersWriter {

	private static final Group CACHE = new Group("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
			"Pragma", "no-cache", "Expires", "0");

	private static final Group CONTENT_TYPE_OPTIONS = new Group("X-Content-Type-Options", "nosniff");

	private static final Group STRICT_TRANSPORT = new Group("Strict-Transport-Security",
			"max-age=31536000 ; includeSubDomains");

	private static final Group FRAME_OPTIONS = new Group("X-Frame-Options", "DENY");

	private static final Group XSS_PROTECTION = new Group("X-XSS-Protection", "0");

	private static final Group REFERRER_POLICY = new Group("Referrer-Policy", "no-referrer");

	@Override
	public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
		ServerHttpResponse response = exchange.getResponse();
		HttpHeaders headers = response.getHeaders();
		// in the order Spring Security's writers run
		if (response.getStatusCode() != HttpStatus.NOT_MODIFIED) {
			CACHE.writeTo(headers);
		}
		CONTENT_TYPE_OPTIONS.writeTo(headers);
		if ("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())) {
			STRICT_TRANSPORT.writeTo(headers);
		}
		FRAME_OPTIONS.writeTo(headers);
		XSS_PROTECTION.writeTo(headers);
		REFERRER_POLICY.writeTo(headers);
		return Mono.empty();
	}

	@Override
	public String toString() {
		return "DefaultSecurityHeaders";
	}

	/** Headers written together, or not at all when the response has any of them. */
	private static final class Group {

		private final String[] namesAndValues;

		Group(String... namesAndValues) {
			this.namesAndValues = namesAndValues;
		}

		void writeTo(HttpHeaders headers) {
			for (int i = 0; i < this.namesAndValues.length; i += 2) {
				if (headers.containsHeader(this.namesAndValues[i])) {
					return;
				}
			}
			for (int i = 0; i < this.namesAndValues.length; i += 2) {
				headers.set(this.namesAndValues[i], this.namesAndValues[i + 1]);
			}
		}

	}

}
