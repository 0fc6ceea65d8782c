package hub.ameen.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to one running component, as a client of the public API would call it.
 */
final class Api {

	static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http;

	private final String base;

	Api(int port) {
		this("http://localhost:" + port, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
	}

	/** The API at another base, such as the edge's {@code https://localhost:PORT}. */
	Api(String base, HttpClient http) {
		this.base = base;
		this.http = http;
	}

	Response get(String path, String bearer) {
		return send(request(path, bearer).GET());
	}

	Response post(String path, String bearer, Object body) {
		return send(request(path, bearer).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString((body != null) ? body : Map.of()))));
	}

	private HttpRequest.Builder request(String path, String bearer) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(15));
		if (bearer != null) {
			builder.header("Authorization", "Bearer " + bearer);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, String body, String contentType) {

		JsonNode json() {
			return Api.json.readTree(this.body);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
