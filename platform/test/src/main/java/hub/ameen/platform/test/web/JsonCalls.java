package hub.ameen.platform.test.web;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The calls every service's API tests make: create a resource and expect 201, read one
 * (200), change one (200), remove one (204), count or list the ids of a list's items.
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

	/** GETs the path and returns the body, failing unless the answer is 200. */
	public static JsonNode read(WebTestClient client, String path, String authorization) {
		return client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * PATCHes the body and returns the changed resource, failing unless the answer is
	 * 200.
	 */
	public static JsonNode change(WebTestClient client, String path, String authorization, Object body) {
		return client.patch()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	/** DELETEs the resource, failing unless the answer is 204. */
	public static void remove(WebTestClient client, String path, String authorization) {
		client.delete()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, authorization)
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	/** The ids of a list's {@code items}, in order. */
	public static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

}
