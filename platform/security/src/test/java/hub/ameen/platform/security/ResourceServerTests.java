package hub.ameen.platform.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import hub.ameen.platform.web.ProblemTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationWebFilter;
import org.springframework.security.web.server.authorization.ExceptionTranslationWebFilter;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = SecuredApp.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hub.security.public-paths=/open/**")
@UsesTestTokens
class ResourceServerTests {

	static final TestTokens tokens = TestTokens.shared();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	WebTestClient client;

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	@Test
	void withoutTokenIsUnauthorizedProblemWithChallenge() {
		this.client.get()
			.uri("/api/crm/contacts")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.UNAUTHORIZED.toString())
			.jsonPath("$.requestId")
			.isNotEmpty();
	}

	@Test
	void theGuardsExpressionsAreCompiledOnceTheyHaveRunAHundredTimes() throws NoSuchMethodException {
		MethodSecurityExpressionHandler handler = this.context.getBean(MethodSecurityExpressionHandler.class);
		Expression guard = handler.getExpressionParser().parseExpression(Permissions.HAS_CRM_READ);
		EvaluationContext evaluation = handler.createEvaluationContext(
				() -> new TestingAuthenticationToken("user-7", null, Permissions.CRM_READ),
				new SimpleMethodInvocation(this, Object.class.getMethod("toString")));
		for (int i = 0; i <= 100; i++) {
			assertThat(guard.getValue(evaluation, Boolean.class)).isTrue();
		}
		assertThat(ReflectionTestUtils.getField(guard, "compiledAst")).as("compiled").isNotNull();
		assertThat(guard.getValue(evaluation, Boolean.class)).isTrue();
	}

	@Test
	void aGuardCompiledAfterAHundredCallsStillLetsInOnlyWhoHasThePermission() {
		String reader = tokens.bearer("user-7", Permissions.CRM_READ);
		String writer = tokens.bearer("user-8", Permissions.CRM_WRITE);
		for (int i = 0; i < 120; i++) {
			this.client.get()
				.uri("/api/crm/contacts")
				.header(HttpHeaders.AUTHORIZATION, reader)
				.exchange()
				.expectStatus()
				.isOk();
		}
		this.client.get()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, writer)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void traceAndUnknownMethodsAreMethodNotAllowedProblemsWithAllow() {
		for (String method : List.of("TRACE", "FOO")) {
			this.client.method(HttpMethod.valueOf(method))
				.uri("/api/crm/contacts")
				.header(HttpHeaders.AUTHORIZATION, tokens.bearer("user-7", Permissions.CRM_READ))
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
				.expectHeader()
				.valueEquals(HttpHeaders.ALLOW, "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS")
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo(ProblemTypes.METHOD_NOT_ALLOWED.toString());
		}
	}

	@Test
	void pathTheFirewallRefusesIsBadRequestProblemThatQuotesNoInput() {
		for (String path : List.of("/api//crm/contacts", "/api/crm/..%2F..%2Fetc%2Fpasswd")) {
			this.client.get()
				.uri(URI.create("http://localhost:" + this.port + path))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo(ProblemTypes.BAD_REQUEST.toString())
				.jsonPath("$.detail")
				.isEqualTo("The request was rejected because its URL or headers are not allowed");
		}
	}

	@Test
	void handlerIsHandedOneCheckedViewOfItsRequestItsHeadersAndItsQuery() {
		this.client.get()
			.uri("/open/views?name=ada")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.sameRequest")
			.isEqualTo(true)
			.jsonPath("$.sameHeaders")
			.isEqualTo(true)
			.jsonPath("$.sameQuery")
			.isEqualTo(true)
			.jsonPath("$.name")
			.isEqualTo("ada");
	}

	@Test
	void headerOrParameterTheFirewallRefusesIsRefusedWhereItIsRead() throws IOException {
		// U+0085 (a control character) in the token the bearer converter reads: refused
		// by the
		// firewall on that read, where a token that is merely wrong is a 401
		assertThat(rawGet("/api/crm/contacts", "Authorization: Bearer abc\u0085def")).startsWith("HTTP/1.1 400 ")
			.contains("The request was rejected because its URL or headers are not allowed");
		assertThat(rawGet("/api/crm/contacts", "Authorization: Bearer abcdef")).startsWith("HTTP/1.1 401 ");
		// a parameter name with a control character, refused when the handler reads the
		// query
		assertThat(rawGet("/open/views?na%07me=x", "Accept: application/json")).startsWith("HTTP/1.1 400 ")
			.contains("The request was rejected because its URL or headers are not allowed");
	}

	/**
	 * A GET with one extra header line, written byte for byte (ISO-8859-1), and its whole
	 * answer.
	 */
	private String rawGet(String target, String headerLine) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(20_000);
			String request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headerLine
					+ "\r\nConnection: close\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	@Test
	void responsesCarrySpringSecuritysDefaultHeadersWrittenByOurWriterOnce() {
		List<WebFilter> writers = this.context.getBean(SecurityWebFilterChain.class)
			.getWebFilters()
			.filter(HttpHeaderWriterWebFilter.class::isInstance)
			.collectList()
			.block();
		assertThat(writers).singleElement()
			.extracting((filter) -> ReflectionTestUtils.getField(filter, "writer"))
			.isInstanceOf(DefaultSecurityHeaders.class);
		this.client.get()
			.uri("/open/ping")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader()
			.doesNotExist("Strict-Transport-Security");
	}

	@Test
	void theChainAuthorizesWithOurRuleAndTranslatesItsDenialsOnce() {
		List<WebFilter> filters = this.context.getBean(SecurityWebFilterChain.class)
			.getWebFilters()
			.collectList()
			.block();
		assertThat(filters).noneMatch(AuthorizationWebFilter.class::isInstance);
		assertThat(filters).filteredOn(AuthenticatedUnlessPublic.class::isInstance).hasSize(1);
		assertThat(filters).filteredOn(ExceptionTranslationWebFilter.class::isInstance)
			.singleElement()
			.satisfies(
					(translation) -> assertThat(ReflectionTestUtils.getField(translation, "authenticationEntryPoint"))
						.isInstanceOf(ProblemSecurityHandlers.class))
			.satisfies((translation) -> assertThat(ReflectionTestUtils.getField(translation, "accessDeniedHandler"))
				.isInstanceOf(ProblemSecurityHandlers.class));
		assertThat(filters
			.indexOf(filters.stream().filter(ExceptionTranslationWebFilter.class::isInstance).findFirst().get()))
			.as("denials translated around the rule")
			.isLessThan(filters
				.indexOf(filters.stream().filter(AuthenticatedUnlessPublic.class::isInstance).findFirst().get()));
	}

	@Test
	void tokenWithPermissionIsServedAndNamesTheCurrentUser() {
		this.client.get()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, tokens.bearer("user-7", Permissions.CRM_READ))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo("user-7")
			.jsonPath("$.email")
			.isEqualTo("user-7@hub.test")
			.jsonPath("$.perms[0]")
			.isEqualTo(Permissions.CRM_READ)
			.jsonPath("$.canWrite")
			.isEqualTo(false);
	}

	@Test
	void tokenWithoutPermissionIsForbiddenProblem() {
		this.client.get()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, tokens.bearer("user-7", Permissions.TASKS_READ, "ROLE_crm:read"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\".*")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.FORBIDDEN.toString());
	}

	static Stream<Arguments> badTokens() {
		return Stream.of(Arguments.of("tampered payload", tokens.builder("u").perms(Permissions.CRM_READ).tampered()),
				Arguments.of("foreign key with the served kid",
						tokens.builder("u").perms(Permissions.CRM_READ).signWithForeignKey()),
				Arguments.of("alg none", tokens.builder("u").perms(Permissions.CRM_READ).unsigned()),
				Arguments.of("HS256 keyed with the public key",
						tokens.builder("u").perms(Permissions.CRM_READ).signHs256WithPublicKey()),
				Arguments.of("expired", tokens.builder("u").perms(Permissions.CRM_READ).expired().sign()),
				Arguments.of("wrong issuer", tokens.builder("u").perms(Permissions.CRM_READ).issuer("evil").sign()),
				Arguments.of("wrong audience",
						tokens.builder("u").perms(Permissions.CRM_READ).audience("other-app").sign()),
				Arguments.of("not a JWT", "not.a.jwt"),
				Arguments.of("not of the bearer token's characters", "two words"),
				Arguments.of("no token after the scheme", ""));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badTokens")
	void badTokenIsUnauthorizedProblem(String kind, String token) {
		this.client.get()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\".*")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.UNAUTHORIZED.toString());
	}

	@Test
	void publicPathNeedsNoTokenAndIgnoresAStaleOne() {
		this.client.get().uri("/open/ping").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("pong");
		this.client.get()
			.uri("/open/ping")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.builder("u").expired().sign())
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/open/ping")
			.header(HttpHeaders.AUTHORIZATION, "Bearer two words")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void noSessionCookieAndNoDefaultUser() {
		this.client.get()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, tokens.bearer("user-7", Permissions.CRM_READ))
			.exchange()
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE);
		assertThat(this.context.getBeanNamesForType(ReactiveUserDetailsService.class)).isEmpty();
	}

	@Test
	void unknownPathWithoutTokenIsUnauthorizedNotNotFound() {
		this.client.get().uri("/api/nothing-here").exchange().expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
	}

}
