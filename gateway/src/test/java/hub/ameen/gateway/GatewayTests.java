package hub.ameen.gateway;

import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import hub.ameen.gateway.forwarding.ProxiedHeadersFilter;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.kafka.UsesKafka;
import hub.ameen.platform.test.security.UsesTestTokens;
import hub.ameen.platform.web.PathFirstHandlerMapping;
import hub.ameen.platform.web.ProblemTypes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCResponseHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.TransferEncodingNormalizationHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayContext;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s",
				"hub.gateway.health-timeout=1s", "management.server.port=0",
				// only the second loopback address is a trusted proxy
				"hub.gateway.trusted-proxies=10.0.0.0/8, 127.0.0.2" })
@UsesTestTokens
@UsesKafka
@Import(GatewayTests.ClientCalls.class)
class GatewayTests {

	static final Upstream crm = Upstream.start("crm");

	static final Upstream others = Upstream.start("others");

	/** notification-service's second instance (its first is {@code others}). */
	static volatile Upstream notifications = Upstream.start("notifications-2");

	static final List<String> SERVICES = List.of("auth-service", "user-service", "crm-service", "tasks-service",
			"scheduler-service", "notification-service");

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	ApplicationContext context;

	WebTestClient client;

	String bearer = TestTokens.shared().bearer("user-1", Permissions.CRM_READ);

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		SERVICES
			.forEach((name) -> registry.add("hub.gateway.services." + name, () -> name.equals("crm-service") ? crm.url()
					: name.equals("notification-service") ? others.url() + "," + notifications.url() : others.url()));
	}

	@AfterAll
	static void stop() {
		crm.close();
		others.close();
		notifications.close();
	}

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
		crm.health = Upstream.Health.UP;
		others.health = Upstream.Health.UP;
		notifications.health = Upstream.Health.UP;
	}

	@Test
	void routesEachPrefixToItsService() {
		get("/api/crm/contacts?limit=5").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Upstream", "crm")
			.expectBody()
			.jsonPath("$.server")
			.isEqualTo("crm")
			.jsonPath("$.path")
			.isEqualTo("/api/crm/contacts")
			.jsonPath("$.query")
			.isEqualTo("limit=5");
		for (String path : List.of("/api/users/me", "/api/tasks/t-1", "/api/scheduler/events")) {
			get(path).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.server")
				.isEqualTo("others")
				.jsonPath("$.path")
				.isEqualTo(path);
		}
	}

	@Test
	void notificationCallsGoRoundRobinOverItsInstancesAndPastADeadOne() {
		Set<String> servers = new HashSet<>();
		for (int i = 0; i < 4; i++) {
			servers.add(get("/api/notifications/unread-count").expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("server")
				.toString());
		}
		assertThat(servers).containsExactlyInAnyOrder("others", "notifications-2");

		int port = URI.create(notifications.url()).getPort();
		notifications.close();
		others.secondEvent = new CountDownLatch(0);
		try {
			// the dead instance refuses the connection: the read is tried again on the
			// next
			for (int i = 0; i < 4; i++) {
				get("/api/notifications/unread-count").expectStatus()
					.isOk()
					.expectHeader()
					.valueEquals("X-Upstream", "others");
				String first = this.client.get()
					.uri("/api/notifications/stream")
					.header(HttpHeaders.AUTHORIZATION, this.bearer)
					.accept(MediaType.TEXT_EVENT_STREAM)
					.exchange()
					.expectStatus()
					.isOk()
					.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
					})
					.getResponseBody()
					.blockFirst(Duration.ofSeconds(10))
					.data();
				assertThat(first).isEqualTo("first");
			}
		}
		finally {
			notifications = Upstream.startOn("notifications-2", port);
		}
	}

	@ParameterizedTest
	@CsvSource({ "/api/crm/deals/d-1/attachments, multipart/form-data", "/api/crm/imports, text/csv" })
	void anUploadOrAnImportStreamsThroughToItsServiceWithoutBeingHeldWhole(String path, String type) throws Exception {
		Sinks.Many<DataBuffer> body = Sinks.many().unicast().onBackpressureBuffer();
		long before = crm.uploaded.get();
		CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> this.client.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.contentType(MediaType.parseMediaType(type))
			.body(body.asFlux(), DataBuffer.class)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		body.tryEmitNext(DefaultDataBufferFactory.sharedInstance.wrap(new byte[256 * 1024]));
		// the first part reaches the service while the client still holds the rest back
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> crm.uploaded.get() > before);
		body.tryEmitNext(DefaultDataBufferFactory.sharedInstance.wrap(new byte[256 * 1024]));
		body.tryEmitComplete();
		assertThat(answer.get(20, TimeUnit.SECONDS)).isEqualTo("{\"received\":524288}");
	}

	@Test
	void passesAuthorizationAndRequestIdThrough() {
		this.client.get()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.header("X-Request-Id", "gw-test-1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Request-Id", "gw-test-1")
			.expectBody()
			.jsonPath("$.authorization")
			.isEqualTo(this.bearer)
			.jsonPath("$.requestId")
			.isEqualTo("gw-test-1");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "", "not a sane id: spaces, and more than sixty-four characters of it too" })
	void aRequestWithoutASaneIdReachesTheServiceWithTheIdTheGatewayAnswersWith(String given) {
		var request = this.client.get().uri("/api/crm/contacts").header(HttpHeaders.AUTHORIZATION, this.bearer);
		if (!given.isEmpty()) {
			request = request.header("X-Request-Id", given);
		}
		var answer = request.exchange().expectStatus().isOk().expectBody(String.class).returnResult();
		String id = answer.getResponseHeaders().getFirst("X-Request-Id");
		assertThat(id).isNotBlank().isNotEqualTo(given);
		// once, though the service answers with it too
		assertThat(answer.getResponseHeaders().get("X-Request-Id")).containsExactly(id);
		assertThat(answer.getResponseBody()).contains("\"requestId\":\"" + id + "\"");
	}

	@Test
	void protectedRouteWithoutValidTokenIsUnauthorizedAndNeverReachesTheService() {
		int before = crm.echoed();
		this.client.get()
			.uri("/api/crm/contacts")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.UNAUTHORIZED.toString());
		this.client.get()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().builder("u").expired().sign())
			.exchange()
			.expectStatus()
			.isUnauthorized();
		assertThat(crm.echoed()).isEqualTo(before);
	}

	@Test
	void loginRefreshAndLogoutNeedNoToken() {
		// logout spends a refresh token from its body, so it works after the access token
		// expired
		for (String path : List.of("/api/auth/login", "/api/auth/refresh", "/api/auth/logout")) {
			this.client.post()
				.uri(path)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"email\":\"a@b.c\",\"password\":\"x\"}")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.method")
				.isEqualTo("POST")
				.jsonPath("$.path")
				.isEqualTo(path);
		}
		this.client.post().uri("/api/auth/password").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void healthIsUpWhenEveryServiceIs() {
		WebTestClient.BodyContentSpec body = this.client.get()
			.uri("/api/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		SERVICES.forEach((name) -> body.jsonPath("$.services['" + name + "']").isEqualTo("UP"));
	}

	@Test
	void healthIsDownWhenAServiceIsDown() {
		crm.health = Upstream.Health.DOWN;
		this.client.get()
			.uri("/api/health")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("DOWN")
			.jsonPath("$.services['crm-service']")
			.isEqualTo("DOWN")
			.jsonPath("$.services['tasks-service']")
			.isEqualTo("UP");
	}

	@Test
	void healthCountsASlowServiceAsDown() {
		others.health = Upstream.Health.SLOW;
		long started = System.nanoTime();
		this.client.get()
			.uri("/api/health")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.services['crm-service']")
			.isEqualTo("UP")
			.jsonPath("$.services['auth-service']")
			.isEqualTo("DOWN")
			.jsonPath("$.services['notification-service']")
			.isEqualTo("DOWN");
		// the services were asked at once: one timeout, not five
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2900));
	}

	@Test
	void eventStreamFlowsEventByEventWithoutResponseTimeout() {
		CountDownLatch release = new CountDownLatch(1);
		others.secondEvent = release;
		notifications.secondEvent = release;
		Flux<ServerSentEvent<String>> events = this.client.get()
			.uri("/api/notifications/stream")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody();
		// the second event is only sent once the first has arrived: a buffering gateway
		// would deadlock here and time out
		List<ServerSentEvent<String>> received = events.doOnNext((event) -> release.countDown())
			.take(2)
			.collectList()
			.block(Duration.ofSeconds(15));
		assertThat(received).extracting(ServerSentEvent::id).containsExactly("1", "2");
		assertThat(received).extracting(ServerSentEvent::data).containsExactly("first", "second");
	}

	@Test
	void slowServiceAnswersFallbackProblem() {
		get("/api/tasks/slow").expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(ProblemTypes.SERVICE_UNAVAILABLE.toString())
			.jsonPath("$.detail")
			.isEqualTo("tasks-service is unavailable; try again shortly")
			.jsonPath("$.instance")
			.isEqualTo("/api/tasks/slow");
	}

	@Test
	void actuatorIsServedOnTheManagementPortOnly() {
		for (String path : List.of("/actuator/prometheus", "/actuator/health/liveness", "/actuator/health/readiness")) {
			this.client.get().uri(path).exchange().expectStatus().isNotFound();
			WebTestClient.bindToServer()
				.baseUrl("http://localhost:" + this.managementPort)
				.build()
				.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isOk();
		}
		this.client.get().uri("/api/health").exchange().expectStatus().isOk();
	}

	@Test
	void aProxiedRequestIsMeasuredWithoutSpringSecuritysOwnObservations() {
		get("/api/crm/contacts").expectStatus().isOk();

		String scrape = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.managementPort)
			.build()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scrape).contains("http_server_requests_seconds_count{").doesNotContain("spring_security_");
		// nor is its filter chain wrapped in a decorator making no-op observations
		assertThat(
				ReflectionTestUtils.getField(this.context.getBean(WebFilterChainProxy.class), "filterChainDecorator"))
			.isInstanceOf(WebFilterChainProxy.DefaultWebFilterChainDecorator.class);
	}

	@Test
	void aProxiedRequestIsMatchedByItsRouteBeforeAnyControllerIsTried() {
		List<Class<?>> inOrder = this.context.getBeansOfType(HandlerMapping.class)
			.values()
			.stream()
			.sorted(AnnotationAwareOrderComparator.INSTANCE)
			.<Class<?>>map(Object::getClass)
			.toList();
		assertThat(inOrder.indexOf(RoutePredicateHandlerMapping.class)).isNotNegative()
			.isLessThan(inOrder.indexOf(PathFirstHandlerMapping.class))
			.isLessThan(inOrder.indexOf(RouterFunctionMapping.class));
		// and the gateway's own paths are still its own
		this.client.get().uri("/api/health").exchange().expectStatus().isOk();
		get("/api/crm/contacts").expectStatus().isOk();
	}

	@Test
	void aProxiedCallsHeadersAreCopiedOnceEachWay() {
		// each of Spring Cloud Gateway's header filters copies every header of every
		// call: the gRPC ones are only there while HTTP/2 is not switched off outright,
		// and the routing filter leaves out those whose work ProxiedHeadersFilter does
		List<HttpHeadersFilter> filters = this.context.getBean(NettyRoutingFilter.class).getHeadersFilters();
		assertThat(filters)
			.noneMatch((filter) -> filter instanceof GRPCRequestHeadersFilter
					|| filter instanceof GRPCResponseHeadersFilter
					|| ProxiedHeadersFilter.REPLACED.contains(filter.getClass()))
			.anyMatch(TransferEncodingNormalizationHeadersFilter.class::isInstance);
		assertThat(filters.stream().filter(ProxiedHeadersFilter.class::isInstance)).hasSize(2);
		assertThat(this.context.getBeansOfType(HttpHeadersFilter.class).values())
			.anyMatch(RemoveHopByHopHeadersFilter.class::isInstance);
		get("/api/crm/contacts").expectStatus().isOk();
	}

	@Test
	void aCallReachesItsServiceWithoutHopByHopOrForwardedHeaders() {
		String seen = theServiceSaw("headers", (headers) -> {
			headers.set("Connection", "keep-alive, X-Hop-Call");
			headers.set("X-Hop-Call", "1");
			headers.set("Keep-Alive", "timeout=5");
			headers.set("Proxy-Authorization", "Basic dXNlcjpwYXNz");
			headers.set("TE", "trailers");
			headers.set("Trailer", "X-Checksum");
			headers.set("X-Application-Context", "caller");
			headers.set("Forwarded", "for=6.6.6.6;proto=https");
			headers.set("X-Forwarded-Host", "evil.example");
			headers.set("x-forwarded-proto", "https");
			headers.set("X-Kept-Call", "1");
		});

		assertThat(List.of(seen.split(","))).contains("x-kept-call", "authorization", "x-forwarded-for", "x-request-id")
			.doesNotContain("x-hop-call", "keep-alive", "proxy-authorization", "te", "trailer", "x-application-context",
					"forwarded", "x-forwarded-host", "x-forwarded-proto");
	}

	@Test
	void anAnswerReachesTheClientWithoutHopByHopHeaders() {
		get("/api/crm/hop-by-hop").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Kept-Answer", "1")
			.expectHeader()
			.doesNotExist("X-Hop-Answer")
			.expectHeader()
			.doesNotExist("Proxy-Authenticate")
			.expectHeader()
			.doesNotExist("X-Application-Context")
			.expectHeader()
			.doesNotExist("Trailer");
	}

	/**
	 * {@code ./hub} runs the gateway from the bean definitions Spring AOT worked out at
	 * build time, which hold a condition at the build's setting and make a balanced
	 * service's own context only for the names listed to be loaded eagerly.
	 */
	@Test
	void itsBeansHoldWhateverTheRunSetsForSpringAotFixesThemAtBuildTime() throws ClassNotFoundException {
		List<String> eager = Binder.get(this.context.getEnvironment())
			.bind("spring.cloud.loadbalancer.eager-load.clients", Bindable.listOf(String.class))
			.orElse(List.of());
		List<String> balanced = this.context.getBean(RouteDefinitionLocator.class)
			.getRouteDefinitions()
			.filter((route) -> "lb".equals(route.getUri().getScheme()))
			.map((route) -> route.getUri().getHost())
			.distinct()
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(balanced).isNotEmpty();
		assertThat(eager).as("every lb:// route's service loaded eagerly").containsAll(balanced);

		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Configuration.class));
		List<Class<?>> configurations = new ArrayList<>();
		for (BeanDefinition found : scanner.findCandidateComponents(GatewayApplication.class.getPackageName())) {
			configurations.add(Class.forName(found.getBeanClassName()));
		}
		assertThat(configurations).hasSizeGreaterThan(5);
		for (Class<?> configuration : configurations) {
			assertThat(MergedAnnotations.from(configuration).isPresent(Conditional.class))
				.as(configuration.getName() + " is there by a condition")
				.isFalse();
			for (Method method : configuration.getDeclaredMethods()) {
				assertThat(MergedAnnotations.from(method).isPresent(Conditional.class))
					.as(configuration.getName() + "." + method.getName() + " is there by a condition")
					.isFalse();
			}
		}
	}

	@Test
	void withNoOriginsConfiguredACallFromAnotherOriginGetsNoCorsHeadersAndIsNotRefused() {
		this.client.get()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.ORIGIN, "https://elsewhere.example")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		this.client.options()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.ORIGIN, "https://elsewhere.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
			.exchange()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS);
	}

	@Test
	void everyKindOfResponseCarriesTheSecurityHeaders() {
		List<WebTestClient.ResponseSpec> responses = List.of(get("/api/crm/contacts"),
				this.client.get().uri("/api/crm/contacts").exchange(), this.client.get().uri("/api/health").exchange(),
				this.client.get().uri("/").accept(MediaType.TEXT_HTML).exchange());
		for (WebTestClient.ResponseSpec response : responses) {
			response.expectHeader()
				.value("Content-Security-Policy",
						(csp) -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"))
				.expectHeader()
				.valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
				.expectHeader()
				.valueEquals("Cross-Origin-Opener-Policy", "same-origin")
				.expectHeader()
				.exists("Permissions-Policy")
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY");
		}
	}

	@Test
	void aTraceparentReachesTheServiceAsSent() {
		assertThat(traceparentTheServiceSaw("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
			.startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
	}

	@Test
	void aSampledTracesCallHasAClientSpanWhoseContextTheServiceReceives() {
		String traceId = "5bf92f3577b34da6a3ce929d0e0e4736";
		String seen = traceparentTheServiceSaw("00-" + traceId + "-00f067aa0ba902b7-01");

		List<String> clientSpans = ClientCalls.spanIds(traceId);
		assertThat(clientSpans).hasSize(1);
		assertThat(seen).isEqualTo("00-" + traceId + "-" + clientSpans.get(0) + "-01");
	}

	@Test
	void anUnsampledTracesCallCarriesItsTraceWithoutAClientSpan() {
		String traceId = "6bf92f3577b34da6a3ce929d0e0e4736";
		String seen = traceparentTheServiceSaw("00-" + traceId + "-00f067aa0ba902b7-00");

		// the trace goes on, unsampled, from the gateway's own span (not the caller's)
		assertThat(seen).matches("00-" + traceId + "-[0-9a-f]{16}-00").doesNotContain("00f067aa0ba902b7");
		assertThat(ClientCalls.spanIds(traceId)).isEmpty();
	}

	@Test
	void proxiedCallsAreTimedPerRouteAndNotAgainAsClientCalls() {
		get("/api/crm/contacts").expectStatus().isOk();
		traceparentTheServiceSaw("00-7bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

		MeterRegistry meters = this.context.getBean(MeterRegistry.class);
		assertThat(meters.find("spring.cloud.gateway.requests").tag("routeId", "crm-service").timer())
			.satisfies((timer) -> assertThat(timer.count()).isGreaterThanOrEqualTo(2));
		assertThat(meters.find("http.client.requests").tagKeys("spring.cloud.gateway.route.id").meters()).isEmpty();
		assertThat(meters.find("http.client.requests.active").tagKeys("spring.cloud.gateway.route.id").meters())
			.isEmpty();
	}

	private String traceparentTheServiceSaw(String traceparent) {
		return theServiceSaw("traceparent", (headers) -> headers.set("traceparent", traceparent));
	}

	/** A field of what the test service echoes of a call with the caller's headers. */
	private String theServiceSaw(String field, Consumer<HttpHeaders> headers) {
		return this.client.get()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.headers(headers)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get(field)
			.toString();
	}

	/** Notes each proxied call's client observation, by the trace its span is in. */
	@TestConfiguration(proxyBeanMethods = false)
	static class ClientCalls implements ObservationHandler<GatewayContext> {

		static final Queue<GatewayContext> STARTED = new ConcurrentLinkedQueue<>();

		@Override
		public void onStart(GatewayContext context) {
			STARTED.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof GatewayContext;
		}

		static List<String> spanIds(String traceId) {
			return STARTED.stream()
				.map(ClientCalls::span)
				.filter((span) -> span.traceId().equals(traceId))
				.map(TraceContext::spanId)
				.toList();
		}

		private static TraceContext span(GatewayContext context) {
			TracingObservationHandler.TracingContext tracing = context
				.getRequired(TracingObservationHandler.TracingContext.class);
			return tracing.getSpan().context();
		}

	}

	@Test
	void eachServicesOpenApiDocumentIsServedForSwaggerUiWithoutAToken() {
		this.client.get()
			.uri("/api/docs/crm-service.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.server")
			.isEqualTo("crm")
			.jsonPath("$.path")
			.isEqualTo("/v3/api-docs");
		this.client.get()
			.uri("/api/docs/billing-service.json")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls.length()")
			.isEqualTo(SERVICES.size())
			.jsonPath("$.urls[?(@.name == 'tasks-service')].url")
			.isEqualTo("/api/docs/tasks-service.json");
		String ui = this.client.get()
			.uri("/api/docs")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		// under /api/, which the edge passes to the gateway
		assertThat(ui).startsWith("/api/");
		this.client.get()
			.uri(ui)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML);
	}

	@Test
	void traceIsMethodNotAllowedProblem() {
		this.client.method(HttpMethod.TRACE)
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.exists(HttpHeaders.ALLOW)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void fallbackTextNeverComesFromTheRequest() {
		// a client asking the fallback itself once got "<script>owned is unavailable"
		String body = this.client.get()
			.uri(URI.create("http://localhost:" + this.port + "/fallback/%3Cscript%3Eowned"))
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).doesNotContain("is unavailable");
		get("/fallback").expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The service is unavailable; try again shortly");
	}

	@Test
	void servicesSeeThePeerAddressAndNotAForgedForwardedFor() {
		this.client.get()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.header("X-Forwarded-For", "6.6.6.6")
			.header("X-Real-IP", "6.6.6.7")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.forwardedFor")
			.isEqualTo("127.0.0.1")
			.jsonPath("$.realIp")
			.isEqualTo("");
	}

	@Test
	void servicesSeeTheClientBehindATrustedProxy() {
		HttpClient fromProxy = HttpClient.create().bindAddress(() -> new InetSocketAddress("127.0.0.2", 0));
		WebTestClient proxy = WebTestClient.bindToServer(new ReactorClientHttpConnector(fromProxy))
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
		proxy.get()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.header("X-Forwarded-For", "203.0.113.9")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.forwardedFor")
			.isEqualTo("203.0.113.9, 127.0.0.2");
		// no incoming header: the proxy itself is the client
		proxy.get()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, this.bearer)
			.exchange()
			.expectBody()
			.jsonPath("$.forwardedFor")
			.isEqualTo("127.0.0.2");
	}

	private WebTestClient.ResponseSpec get(String uri) {
		return this.client.get().uri(uri).header(HttpHeaders.AUTHORIZATION, this.bearer).exchange();
	}

}
