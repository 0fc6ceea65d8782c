package hub.ameen.platform.security;

import java.net.URI;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public paths are told apart exactly as Spring Security's {@code pathMatchers} tells
 * them apart, for the gateway's own list of patterns and many generated paths.
 */
class PublicPathsTests {

	/**
	 * The gateway's public paths (its application.yml), the API documents' and the
	 * probes'.
	 */
	private static final List<String> PATTERNS = List.of("/api/auth/login", "/api/auth/refresh", "/api/auth/jwks",
			"/api/auth/logout", "/api/notifications/stream", "/api/health", "/api/docs", "/api/docs/**",
			"/api/swagger-ui/**", "/", "/index.html", "/assets/**", "/favicon.ico", "/*.svg", "/*.png", "/v3/api-docs",
			"/v3/api-docs/**", "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
			"open/**", "/users/{id}/avatar");

	private static final String[] SEGMENTS = { "api", "auth", "login", "LOGIN", "login;jsessionid=1", "refresh", "jwks",
			"logout", "notifications", "stream", "health", "docs", "swagger-ui", "index.html", "assets", "app.js",
			"favicon.ico", "logo.svg", "x.png", "x.svg.js", "actuator", "info", "prometheus", "v3", "api-docs", "crm",
			"contacts", "open", "users", "42", "avatar", "%2F", "%2e%2e", "..", ".", "a%20b", "" };

	private final PublicPaths publicPaths = new PublicPaths(PATTERNS);

	private final ServerWebExchangeMatcher springSecurity = ServerWebExchangeMatchers
		.pathMatchers(PATTERNS.toArray(String[]::new));

	@Test
	void handPickedPathsAreToldApartAsSpringSecurityTellsThem() {
		List<String> paths = List.of("/", "", "/api/auth/login", "/api/auth/login/", "/api/auth/login/x",
				"/api/auth/LOGIN", "/api/auth/login;a=b", "/api//auth/login", "/api/auth", "/api/docs",
				"/api/docs/crm-service", "/api/docsx", "/assets/a/b/c.js", "/logo.svg", "/a/logo.svg",
				"/actuator/health/liveness", "/actuator/healthx", "/actuator/env", "/open", "/open/x/y",
				"/users/7/avatar", "/users/7/avatar/x", "/api/crm/contacts/01M90G20TT59NYXD09K2P12XWR");
		for (String path : paths) {
			sameAnswer(exchange(HttpMethod.GET, path, null));
		}
		assertThat(this.publicPaths.isPublic(exchange(HttpMethod.POST, "/api/auth/login", null))).isTrue();
		assertThat(this.publicPaths.isPublic(exchange(HttpMethod.GET, "/api/crm/contacts", null))).isFalse();
		assertThat(this.publicPaths.isPublic(exchange(HttpMethod.GET, "/ctx/api/health", "/ctx"))).isTrue();
	}

	@Test
	void generatedPathsAreToldApartAsSpringSecurityTellsThem() {
		SplittableRandom random = new SplittableRandom(2026);
		HttpMethod[] methods = { HttpMethod.GET, HttpMethod.POST, HttpMethod.HEAD, HttpMethod.DELETE };
		int matched = 0;
		for (int i = 0; i < 50_000; i++) {
			StringBuilder path = new StringBuilder();
			int depth = random.nextInt(5);
			for (int k = 0; k < depth; k++) {
				path.append('/').append(SEGMENTS[random.nextInt(SEGMENTS.length)]);
			}
			if (path.isEmpty() || random.nextInt(8) == 0) {
				path.append('/');
			}
			// now and then a path under /api/ comes with /api as its context path
			boolean inContext = random.nextInt(10) == 0 && path.toString().startsWith("/api/");
			ServerWebExchange exchange = exchange(methods[random.nextInt(methods.length)], path.toString(),
					inContext ? "/api" : null);
			if (sameAnswer(exchange)) {
				matched++;
			}
		}
		// both answers were compared, and both kinds of answer were seen often
		assertThat(matched).isBetween(2_000, 48_000);
	}

	@Test
	void itsAnswersAreMadeOnceAndShared() {
		ServerWebExchange open = exchange(HttpMethod.GET, "/api/health", null);
		ServerWebExchange closed = exchange(HttpMethod.GET, "/api/crm/contacts", null);
		assertThat(this.publicPaths.matches(open)).isSameAs(this.publicPaths.matches(open));
		assertThat(this.publicPaths.matches(closed)).isSameAs(this.publicPaths.matches(closed));
		assertThat(this.publicPaths.matches(open).block().isMatch()).isTrue();
		assertThat(this.publicPaths.matches(closed).block().isMatch()).isFalse();
	}

	private boolean sameAnswer(ServerWebExchange exchange) {
		boolean expected = this.springSecurity.matches(exchange).block().isMatch();
		assertThat(this.publicPaths.isPublic(exchange)).as("%s", exchange.getRequest().getPath()).isEqualTo(expected);
		assertThat(this.publicPaths.matches(exchange).block().isMatch()).isEqualTo(expected);
		return expected;
	}

	private static ServerWebExchange exchange(HttpMethod method, String path, String contextPath) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.method(method,
				URI.create("http://localhost" + path));
		if (contextPath != null) {
			request.contextPath(contextPath);
		}
		return MockServerWebExchange.from(request);
	}

}
