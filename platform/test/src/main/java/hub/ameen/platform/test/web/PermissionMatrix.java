package hub.ameen.platform.test.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table of endpoints × callers → the exact status each call must get, run as one
 * dynamic test per cell. Any service can copy it: name the callers (each a supplier of an
 * {@code Authorization} value, {@code null} for anonymous), add a row per endpoint with a
 * request that would succeed for an allowed caller, and return {@link #tests()} from a
 * {@code @TestFactory}:
 *
 * <pre>{@code
 * PermissionMatrix.of(client)
 *     .caller("anonymous", () -> null)
 *     .caller("member", () -> memberBearer)
 *     .row(HttpMethod.GET, "/api/crm/contacts", null, 401, 200)
 *     .tests();
 * }</pre>
 *
 * Refusals (401, 403) must also be problem details.
 */
public final class PermissionMatrix {

	private final WebTestClient client;

	private final Map<String, Supplier<String>> callers = new LinkedHashMap<>();

	private final List<Row> rows = new ArrayList<>();

	private PermissionMatrix(WebTestClient client) {
		this.client = client;
	}

	public static PermissionMatrix of(WebTestClient client) {
		return new PermissionMatrix(client);
	}

	/**
	 * Adds a column.
	 * @param name the caller's name, as the test names will show it
	 * @param authorization supplies the {@code Authorization} header, or {@code null}
	 * @return this matrix
	 */
	public PermissionMatrix caller(String name, Supplier<String> authorization) {
		this.callers.put(name, authorization);
		return this;
	}

	/**
	 * Adds a row: one endpoint, the status expected for each caller in column order.
	 * @param method the HTTP method
	 * @param path the path
	 * @param body supplies a fresh JSON body per call, or {@code null} for none
	 * @param statuses one status per caller
	 * @return this matrix
	 */
	public PermissionMatrix row(HttpMethod method, String path, Supplier<Object> body, int... statuses) {
		return row(method, path, () -> path, body, statuses);
	}

	/**
	 * Adds a row whose path is made for each call: for an endpoint that consumes its
	 * resource (a delete), so each caller meets a fresh one.
	 * @param method the HTTP method
	 * @param label the path as the test names show it, e.g. {@code /api/crm/deals/{new}}
	 * @param path supplies the path for each call
	 * @param body supplies a fresh JSON body per call, or {@code null} for none
	 * @param statuses one status per caller
	 * @return this matrix
	 */
	public PermissionMatrix row(HttpMethod method, String label, Supplier<String> path, Supplier<Object> body,
			int... statuses) {
		if (statuses.length != this.callers.size()) {
			throw new IllegalArgumentException(method + " " + label + ": " + statuses.length + " statuses for "
					+ this.callers.size() + " callers");
		}
		this.rows.add(new Row(method, label, path, body, statuses));
		return this;
	}

	/** One test per cell, named {@code METHOD path as caller → status}. */
	public Stream<DynamicTest> tests() {
		List<String> names = List.copyOf(this.callers.keySet());
		return this.rows.stream().flatMap((row) -> {
			List<DynamicTest> cells = new ArrayList<>();
			for (int i = 0; i < names.size(); i++) {
				String caller = names.get(i);
				int expected = row.statuses()[i];
				cells.add(DynamicTest.dynamicTest(row.method() + " " + row.label() + " as " + caller + " → " + expected,
						() -> check(row, this.callers.get(caller).get(), expected)));
			}
			return cells.stream();
		});
	}

	private void check(Row row, String authorization, int expected) {
		String path = row.path().get();
		WebTestClient.RequestBodySpec request = this.client.method(row.method()).uri(path).headers((headers) -> {
			if (authorization != null) {
				headers.set(HttpHeaders.AUTHORIZATION, authorization);
			}
		});
		WebTestClient.RequestHeadersSpec<?> ready = (row.body() != null)
				? request.contentType(MediaType.APPLICATION_JSON).bodyValue(row.body().get()) : request;
		EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();
		assertThat(result.getStatus().value()).as("status of %s %s", row.method(), path).isEqualTo(expected);
		if (expected == 401 || expected == 403) {
			assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	private record Row(HttpMethod method, String label, Supplier<String> path, Supplier<Object> body, int[] statuses) {
	}

}
