package hub.ameen.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;

/**
 * The stable {@code type} URIs of every problem detail the hub answers with.
 */
public final class ProblemTypes {

	/** Common prefix of all problem types. */
	public static final String BASE = "https://hub.ameen/problems/";

	public static final URI VALIDATION = URI.create(BASE + "validation");

	public static final URI MALFORMED_BODY = URI.create(BASE + "malformed-body");

	public static final URI BAD_REQUEST = URI.create(BASE + "bad-request");

	public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");

	public static final URI FORBIDDEN = URI.create(BASE + "forbidden");

	public static final URI NOT_FOUND = URI.create(BASE + "not-found");

	public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");

	public static final URI NOT_ACCEPTABLE = URI.create(BASE + "not-acceptable");

	public static final URI CONFLICT = URI.create(BASE + "conflict");

	public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");

	public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");

	public static final URI URI_TOO_LONG = URI.create(BASE + "uri-too-long");

	public static final URI TOO_MANY_REQUESTS = URI.create(BASE + "too-many-requests");

	public static final URI INTERNAL = URI.create(BASE + "internal");

	public static final URI SERVICE_UNAVAILABLE = URI.create(BASE + "service-unavailable");

	private ProblemTypes() {
	}

	/**
	 * The type for a problem known only by its status: a specific one where the status
	 * has one, otherwise {@link #BAD_REQUEST} for 4xx and {@link #INTERNAL} for 5xx.
	 * @param status the response status
	 * @return the problem type
	 */
	public static URI forStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> CONFLICT;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 414 -> URI_TOO_LONG;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 429 -> TOO_MANY_REQUESTS;
			case 502, 503, 504 -> SERVICE_UNAVAILABLE;
			default -> status.is4xxClientError() ? BAD_REQUEST : INTERNAL;
		};
	}

}
