package hub.ameen.platform.web;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class PathFirstHandlerMappingTests {

	/** The kinds of mapping a service declares, each to a method of its own. */
	private static final List<RequestMappingInfo> MAPPINGS = List.of(
			RequestMappingInfo.paths("/api/crm/contacts/{id}")
				.methods(RequestMethod.GET)
				.produces(MediaType.APPLICATION_JSON_VALUE)
				.build(),
			RequestMappingInfo.paths("/api/crm/contacts/{id}")
				.methods(RequestMethod.PATCH)
				.consumes(MediaType.APPLICATION_JSON_VALUE)
				.build(),
			RequestMappingInfo.paths("/api/crm/contacts/merge").methods(RequestMethod.POST).build(),
			RequestMappingInfo.paths("/api/crm/contacts").methods(RequestMethod.POST).build(),
			RequestMappingInfo.paths("/api/crm/contacts").methods(RequestMethod.GET).params("q").build(),
			RequestMappingInfo.paths("/api/crm/contacts").methods(RequestMethod.GET).params("!q").build(),
			RequestMappingInfo.paths("/api/crm/companies/{id}", "/api/crm/organisations/{id}").build(),
			RequestMappingInfo.paths("/api/crm/{kind}/{id}/attachments")
				.methods(RequestMethod.POST)
				.headers("X-Upload=1")
				.build(),
			RequestMappingInfo.paths("/api/crm/deals/{id}").methods(RequestMethod.DELETE).build(),
			RequestMappingInfo.paths("/api/files/**").methods(RequestMethod.GET, RequestMethod.HEAD).build(),
			RequestMappingInfo.paths("/api/{service}/health").methods(RequestMethod.GET).build(),
			RequestMappingInfo.paths("/api/tasks.csv").methods(RequestMethod.GET).build(),
			RequestMappingInfo.paths("/internal/{*rest}").methods(RequestMethod.GET).build(),
			RequestMappingInfo.paths("").methods(RequestMethod.GET).build());

	private static final List<MockServerHttpRequest> REQUESTS = List.of(
			MockServerHttpRequest.get("/api/crm/contacts/c1").build(),
			MockServerHttpRequest.get("/api/crm/contacts/c1").accept(MediaType.TEXT_PLAIN).build(),
			MockServerHttpRequest.patch("/api/crm/contacts/c1").contentType(MediaType.APPLICATION_JSON).body("{}"),
			MockServerHttpRequest.patch("/api/crm/contacts/c1").contentType(MediaType.TEXT_PLAIN).body("x"),
			MockServerHttpRequest.put("/api/crm/contacts/c1").build(),
			MockServerHttpRequest.post("/api/crm/contacts/merge").build(),
			MockServerHttpRequest.get("/api/crm/contacts/merge").build(),
			MockServerHttpRequest.post("/api/crm/contacts").build(),
			MockServerHttpRequest.get("/api/crm/contacts").build(),
			MockServerHttpRequest.get("/api/crm/contacts/").build(),
			MockServerHttpRequest.get("/api/crm/contacts?q=ada").build(),
			MockServerHttpRequest.delete("/api/crm/companies/c2").build(),
			MockServerHttpRequest.get("/api/crm/organisations/c2").build(),
			MockServerHttpRequest.get("/api/crm/cont%61cts/c1").build(),
			MockServerHttpRequest.get("/api/crm//contacts/c1").build(),
			MockServerHttpRequest.get("/api/CRM/contacts/c1").build(),
			MockServerHttpRequest.get("/api/crm/contacts;v=1/c1").build(),
			MockServerHttpRequest.post("/api/crm/deals/d1/attachments").header("X-Upload", "1").build(),
			MockServerHttpRequest.post("/api/crm/contacts/c1/attachments").header("X-Upload", "1").build(),
			MockServerHttpRequest.post("/api/crm/deals/d1/attachments").build(),
			MockServerHttpRequest.delete("/api/crm/deals/d1").build(),
			MockServerHttpRequest.head("/api/files/a/b/c").build(), MockServerHttpRequest.get("/api/files").build(),
			MockServerHttpRequest.get("/api/crm/health").build(), MockServerHttpRequest.get("/api/tasks.csv").build(),
			MockServerHttpRequest.get("/internal/a/b").build(), MockServerHttpRequest.get("").build(),
			MockServerHttpRequest.get("/").build(), MockServerHttpRequest.get("/nowhere/at/all").build(),
			MockServerHttpRequest.options("/api/crm/contacts/c1")
				.header(HttpHeaders.ORIGIN, "https://elsewhere.example")
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
				.build());

	@Test
	void everyRequestGetsTheHandlerOrTheErrorSpringsOwnMappingGivesIt() {
		RequestMappingHandlerMapping spring = registered(new RequestMappingHandlerMapping());
		PathFirstHandlerMapping pathFirst = registered(new PathFirstHandlerMapping());
		int handled = 0;
		for (MockServerHttpRequest request : REQUESTS) {
			Outcome expected = lookUp(spring, request);
			assertThat(lookUp(pathFirst, request)).as("%s %s", request.getMethod(), request.getURI())
				.isEqualTo(expected);
			handled += (expected.handler() != null) ? 1 : 0;
		}
		assertThat(handled).as("requests that find a handler, so both kinds of answer are compared")
			.isGreaterThan(REQUESTS.size() / 2)
			.isLessThan(REQUESTS.size());
	}

	@Test
	void onlyTheMappingsThePathCouldMatchAreEvaluated() {
		// of MAPPINGS, the two of /api/crm/contacts/{id},
		// /api/crm/{kind}/{id}/attachments
		// and /api/{service}/health: not /api/crm/contacts, .../merge nor the empty path
		List<Integer> couldMatch = List.of(0, 1, 7, 10);
		int springWithAll = methodReads(registered(new RequestMappingHandlerMapping(), MAPPINGS.size()));
		int springWithThose = methodReads(registered(new RequestMappingHandlerMapping(), couldMatch));
		assertThat(springWithAll).as("Spring's own mapping evaluates every mapping").isGreaterThan(springWithThose);
		assertThat(methodReads(registered(new PathFirstHandlerMapping(), MAPPINGS.size())))
			.as("this one evaluates only those the path could match")
			.isEqualTo(springWithThose);
	}

	/**
	 * How often a lookup of a contact by id reads its method: once or more for each
	 * mapping evaluated.
	 */
	private static int methodReads(RequestMappingHandlerMapping mapping) {
		CountingRequest request = new CountingRequest(MockServerHttpRequest.get("/api/crm/contacts/c1").build());
		assertThat(lookUp(mapping, request.exchange()).handler()).isEqualTo("handle0");
		return request.methodReads.get();
	}

	@Test
	void aMappingAddedOrRemovedAfterTheFirstRequestIsFoundOrNot() {
		PathFirstHandlerMapping mapping = registered(new PathFirstHandlerMapping());
		MockServerHttpRequest request = MockServerHttpRequest.get("/api/crm/deals/d1").build();
		assertThat(lookUp(mapping, request).error()).isEqualTo(405);

		RequestMappingInfo added = RequestMappingInfo.paths("/api/crm/deals/{id}").methods(RequestMethod.GET).build();
		mapping.registerMapping(added, new Handler(MAPPINGS.size()), Handler.HANDLE);
		assertThat(lookUp(mapping, request).handler()).isNotNull();

		mapping.unregisterMapping(added);
		assertThat(lookUp(mapping, request).error()).isEqualTo(405);
	}

	private static <M extends RequestMappingHandlerMapping> M registered(M mapping) {
		return registered(mapping, MAPPINGS.size());
	}

	private static <M extends RequestMappingHandlerMapping> M registered(M mapping, int first) {
		return registered(mapping, IntStream.range(0, first).boxed().toList());
	}

	private static <M extends RequestMappingHandlerMapping> M registered(M mapping, List<Integer> which) {
		for (int i : which) {
			mapping.registerMapping(MAPPINGS.get(i), new Handler(i), Handler.HANDLE);
		}
		return mapping;
	}

	private static Outcome lookUp(RequestMappingHandlerMapping mapping, MockServerHttpRequest request) {
		return lookUp(mapping, MockServerWebExchange.from(request));
	}

	private static Outcome lookUp(RequestMappingHandlerMapping mapping, ServerWebExchange exchange) {
		try {
			Object handler = mapping.getHandler(exchange).block();
			return new Outcome((handler instanceof HandlerMethod method) ? method.getBean().toString() : null,
					exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) + "",
					exchange.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE), 0);
		}
		catch (ResponseStatusException ex) {
			return new Outcome(null, null, null, ex.getStatusCode().value());
		}
	}

	record Outcome(String handler, String pattern, Map<String, String> variables, int error) {
	}

	/**
	 * A handler for each mapping, named after it, so that which one a request got shows.
	 */
	record Handler(int index) {

		static final Method HANDLE = ReflectionUtils.findMethod(Handler.class, "handle");

		public void handle() {
		}

		@Override
		public String toString() {
			return "handle" + this.index;
		}

	}

	/**
	 * Counts the reads of a request's method: the first condition of each mapping Spring
	 * evaluates.
	 */
	static final class CountingRequest extends ServerHttpRequestDecorator {

		final AtomicInteger methodReads = new AtomicInteger();

		private final MockServerHttpRequest request;

		CountingRequest(MockServerHttpRequest request) {
			super(request);
			this.request = request;
		}

		ServerWebExchange exchange() {
			return MockServerWebExchange.from(this.request).mutate().request(this).build();
		}

		@Override
		public HttpMethod getMethod() {
			this.methodReads.incrementAndGet();
			return super.getMethod();
		}

	}

}
