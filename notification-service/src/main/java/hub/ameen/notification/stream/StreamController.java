package hub.ameen.notification.stream;

import hub.ameen.platform.security.Permissions;
import hub.ameen.notification.inbox.Notification;
import hub.ameen.platform.security.CurrentUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /api/notifications/stream}: the caller's notifications as Server-Sent
 * Events; {@code POST /api/notifications/stream-ticket}: a one-time ticket to open it
 * from a browser.
 * <p>
 * A {@code GET} of the stream is answered by {@link StreamRoute} before it reaches this
 * controller, so that an open stream does not keep the whole filter chain and handler
 * method alive; the mapping here declares the operation (the OpenAPI document) and
 * answers {@code HEAD}, with the same checks.
 */
@RestController
class StreamController {

	static final String LAST_EVENT_ID = "Last-Event-ID";

	private final StreamAuthenticator authenticator;

	private final NotificationStreams streams;

	private final StreamTickets tickets;

	StreamController(StreamAuthenticator authenticator, NotificationStreams streams, StreamTickets tickets) {
		this.authenticator = authenticator;
		this.streams = streams;
		this.tickets = tickets;
	}

	@GetMapping(path = "/api/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Mono<ResponseEntity<Flux<ServerSentEvent<Object>>>> stream(ServerWebExchange exchange,
			@RequestParam(required = false) String ticket,
			@RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventIdHeader,
			@RequestParam(name = "lastEventId", required = false) String lastEventIdParam) {
		// checked as the stream checks it: 400 when it is not an id
		lastEventId(lastEventIdHeader, lastEventIdParam);
		return this.authenticator.reader(exchange.getRequest(), ticket)
			.map((reader) -> ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				// nginx: pass each event on at once instead of buffering the response
				.header("X-Accel-Buffering", "no")
				.contentType(MediaType.TEXT_EVENT_STREAM)
				.body(admitted(reader)));
	}

	/**
	 * What {@code HEAD} answers, once the same checks as the stream's have passed: no
	 * events ({@code GET} is {@link StreamRoute}'s).
	 */
	private Flux<ServerSentEvent<Object>> admitted(CurrentUser reader) {
		this.streams.admit(reader);
		return Flux.empty();
	}

	/**
	 * A new ticket.
	 *
	 * @param ticket pass as {@code ?ticket=} to the stream, once
	 * @param expiresIn seconds it stays valid
	 */
	record TicketResponse(String ticket, long expiresIn) {
	}

	@PostMapping("/api/notifications/stream-ticket")
	@PreAuthorize(Permissions.HAS_NOTIFICATIONS_READ)
	Mono<ResponseEntity<TicketResponse>> ticket() {
		return CurrentUser.current()
			.map((me) -> ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.body(new TicketResponse(this.tickets.issue(me), this.tickets.ttl().toSeconds())));
	}

	/**
	 * The id a reconnecting client last received: the {@code Last-Event-ID} header, else
	 * the {@code lastEventId} parameter (an {@code EventSource} opened anew cannot send
	 * the header).
	 * @return the id, or null for a new client
	 * @throws org.springframework.web.ErrorResponseException 400 when it is not one
	 */
	static Long lastEventId(String header, String parameter) {
		String lastEventId = (header != null) ? header : parameter;
		if (lastEventId == null || lastEventId.isBlank()) {
			return null;
		}
		try {
			long seq = Long.parseLong(lastEventId.trim());
			if (seq >= 0) {
				return seq;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw StreamProblems.badRequest("Last-Event-ID must be an id this stream sent (a non-negative number)");
	}

}
