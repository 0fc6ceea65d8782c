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

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient http;

	private final String base;

	private final int port;

	/** The client address a trusted proxy in front would forward, or null for none. */
	private final String forwardedFor;

	Api(int port) {
		this("http://localhost:" + port,
				HttpClient.newBuilder()
					.version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(Duration.ofSeconds(2))
					.build());
	}

	/** The API at another base, such as the edge's {@code https://localhost:PORT}. */
	Api(String base, HttpClient http) {
		this(base, http, null);
	}

	private Api(String base, HttpClient http, String forwardedFor) {
		this.base = base;
		this.http = http;
		this.port = URI.create(base).getPort();
		this.forwardedFor = forwardedFor;
	}

	/**
	 * The same API called by another client behind the suite's local proxy: every request
	 * carries {@code X-Forwarded-For: address}, which the gateway believes only because
	 * the suite runs it with loopback as a trusted proxy (as Nginx on the same host is).
	 */
	Api from(String address) {
		return new Api(this.base, this.http, address);
	}

	int port() {
		return this.port;
	}

	Response get(String path, String bearer) {
		return send(request(path, bearer).GET());
	}

	Response post(String path, String bearer, Object body) {
		return send(request(path, bearer).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString((body != null) ? body : Map.of()))));
	}

	Response patch(String path, String bearer, Object body) {
		return call(new Call("PATCH", path, bearer, "application/json", json.writeValueAsBytes(body)), TIMEOUT);
	}

	Response delete(String path, String bearer) {
		return call(new Call("DELETE", path, bearer, null, null), TIMEOUT);
	}

	/**
	 * A raw body of any type, e.g. {@code text/csv} for a CRM import, answered within the
	 * usual timeout.
	 */
	Response send(String method, String path, String bearer, String contentType, byte[] body) {
		return call(new Call(method, path, bearer, contentType, body), TIMEOUT);
	}

	/** A {@code multipart/form-data} upload, as a browser's form would send it. */
	Response upload(String method, String path, String bearer, Multipart form) {
		return call(new Call(method, path, bearer, form.contentType(), form.bytes()), UPLOAD_TIMEOUT);
	}

	/**
	 * An upload whose length is not announced ({@code Transfer-Encoding: chunked}), so
	 * that only a limit enforced while streaming can refuse it.
	 */
	Response uploadChunked(String path, String bearer, Multipart form) {
		return sendChunked(path, bearer, form.contentType(), form.bytes());
	}

	/** A POST whose length is not announced ({@code Transfer-Encoding: chunked}). */
	Response sendChunked(String path, String bearer, String contentType, byte[] body) {
		HttpRequest request = request(path, bearer).timeout(UPLOAD_TIMEOUT)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
			.build();
		long start = System.nanoTime();
		try {
			return Response.of(this.http.send(request, HttpResponse.BodyHandlers.ofString()), start);
		}
		catch (java.io.IOException ex) {
			return new Response(Response.NO_CONNECTION, String.valueOf(ex), "", millisSince(start));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The bytes of a download with its headers, as a browser would save them. */
	Download download(String path, String bearer, String... headers) {
		HttpRequest.Builder request = request(path, bearer).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.body(), response.headers());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Any request, however odd, within {@code timeout}: a request that gets no answer in
	 * time answers {@link Response#NO_ANSWER}; one whose connection fails answers
	 * {@link Response#NO_CONNECTION}.
	 */
	Response call(Call call, Duration timeout) {
		HttpRequest.Builder request = forwarded(HttpRequest.newBuilder(URI.create(this.base + call.path())))
			.timeout(timeout);
		if (call.bearer() != null) {
			request.header("Authorization", "Bearer " + call.bearer());
		}
		if (call.contentType() != null) {
			request.header("Content-Type", call.contentType());
		}
		request.method(call.method(), (call.body() != null) ? HttpRequest.BodyPublishers.ofByteArray(call.body())
				: HttpRequest.BodyPublishers.noBody());
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return Response.of(response, start);
		}
		catch (java.net.http.HttpTimeoutException ex) {
			return new Response(Response.NO_ANSWER, "no answer within " + timeout.toMillis() + " ms", "",
					millisSince(start));
		}
		catch (java.io.IOException ex) {
			return new Response(Response.NO_CONNECTION, String.valueOf(ex), "", millisSince(start));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Opens a stream and answers once its status and headers are in, closing it at once.
	 */
	Response open(String path, String bearer, Duration timeout) {
		HttpRequest request = request(path, bearer).timeout(timeout).header("Accept", "text/event-stream").build();
		long start = System.nanoTime();
		try {
			HttpResponse<java.io.InputStream> response = this.http.send(request,
					HttpResponse.BodyHandlers.ofInputStream());
			String body = response.statusCode() < 300 ? ""
					: new String(response.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			response.body().close();
			return new Response(response.statusCode(), body, response.headers().firstValue("Content-Type").orElse(""),
					millisSince(start));
		}
		catch (java.net.http.HttpTimeoutException ex) {
			return new Response(Response.NO_ANSWER, "no answer within " + timeout.toMillis() + " ms", "",
					millisSince(start));
		}
		catch (java.io.IOException ex) {
			return new Response(Response.NO_CONNECTION, String.valueOf(ex), "", millisSince(start));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder request(String path, String bearer) {
		HttpRequest.Builder builder = forwarded(HttpRequest.newBuilder(URI.create(this.base + path))).timeout(TIMEOUT);
		if (bearer != null) {
			builder.header("Authorization", "Bearer " + bearer);
		}
		return builder;
	}

	private HttpRequest.Builder forwarded(HttpRequest.Builder request) {
		return (this.forwardedFor != null) ? request.header("X-Forwarded-For", this.forwardedFor) : request;
	}

	private Response send(HttpRequest.Builder request) {
		long start = System.nanoTime();
		try {
			return Response.of(this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()), start);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	/**
	 * One request as sent: any method, path (with its query), content type and raw body.
	 *
	 * @param method the HTTP method, however odd
	 * @param path the path and query, sent as written
	 * @param bearer an access token, or null
	 * @param contentType the Content-Type header, or null for none
	 * @param body the raw bytes, or null for none
	 */
	record Call(String method, String path, String bearer, String contentType, byte[] body) {

		@Override
		public String toString() {
			String text = (this.body != null) ? new String(this.body, java.nio.charset.StandardCharsets.UTF_8) : "";
			return this.method + " " + abbreviate(this.path)
					+ ((this.contentType != null) ? " [" + this.contentType + "]" : "")
					+ (text.isEmpty() ? "" : " " + abbreviate(text));
		}

	}

	static String abbreviate(String text) {
		return (text.length() <= 300) ? text : text.substring(0, 300) + "…(" + text.length() + " chars)";
	}

	/**
	 * A downloaded body as bytes, with every header.
	 *
	 * @param status the status code
	 * @param body the bytes
	 * @param headers the response's headers
	 */
	record Download(int status, byte[] body, java.net.http.HttpHeaders headers) {

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

	/**
	 * A {@code multipart/form-data} body built part by part: files with a name and a
	 * declared type, and plain fields. Names are written as given (UTF-8, quotes
	 * escaped), so odd ones reach the server as a browser would send them.
	 */
	static final class Multipart {

		private final String boundary = "----hub-e2e-" + java.util.UUID.randomUUID();

		private final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();

		/** A file part; a null type leaves out the part's Content-Type. */
		Multipart file(String field, String filename, String type, byte[] content) {
			String disposition = "Content-Disposition: form-data; name=\"" + field + "\"; filename=\""
					+ filename.replace("\"", "%22") + "\"\r\n";
			return part(disposition + ((type != null) ? "Content-Type: " + type + "\r\n" : ""), content);
		}

		/** A plain form field. */
		Multipart field(String field, String value) {
			return part("Content-Disposition: form-data; name=\"" + field + "\"\r\n",
					value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}

		private Multipart part(String headers, byte[] content) {
			this.body.writeBytes(("--" + this.boundary + "\r\n" + headers + "\r\n")
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			this.body.writeBytes(content);
			this.body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return this;
		}

		String contentType() {
			return "multipart/form-data; boundary=" + this.boundary;
		}

		/** The whole body, closed by the final boundary. */
		byte[] bytes() {
			java.io.ByteArrayOutputStream closed = new java.io.ByteArrayOutputStream(this.body.size() + 64);
			closed.writeBytes(this.body.toByteArray());
			closed.writeBytes(("--" + this.boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return closed.toByteArray();
		}

	}

	record Response(int status, String body, String contentType, long millis) {

		/** No answer came within the request's timeout. */
		static final int NO_ANSWER = 0;

		/** The connection failed or was closed without an answer. */
		static final int NO_CONNECTION = -1;

		static Response of(HttpResponse<String> response, long start) {
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""), millisSince(start));
		}

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		JsonNode json() {
			return Api.json.readTree(this.body);
		}

		@Override
		public String toString() {
			return this.status + " " + abbreviate(this.body);
		}

	}

}
