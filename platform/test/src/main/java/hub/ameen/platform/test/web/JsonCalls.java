package hub.ameen.platform.test.web;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The calls every service's API tests make: create a resource and expect 201, count the
 * items of a list.
 */
public final class JsonCalls {

	private JsonCalls() {
	}

	/**
	 * POSTs the body and returns the created resource, failing unless the answer is 201.
	 */
	public static JsonNode create(WebTestClient client, String path, String authorization, Object body) {
		return client.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * The number of {@code items} a list answers with (pass {@code ?limit=} for more than
	 * a page).
	 */
	public static int count(WebTestClient client, String path, String authorization) {
		return client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("items")
			.size();
	}

}
