package hub.ameen.notification.stream;

import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Who is opening the stream: the user a one-time {@code ticket} was issued to, or else
 * the user of the {@code Authorization: Bearer} token, checked as the security filter
 * chain checks it. The stream's path is public to the filter chain so that a ticket alone
 * can open it; this is where it is guarded instead.
 */
@Component
class StreamAuthenticator {

	private static final String BEARER = "bearer ";

	private final StreamTickets tickets;

	private final ReactiveJwtDecoder tokens;

	StreamAuthenticator(StreamTickets tickets, ReactiveJwtDecoder tokens) {
		this.tickets = tickets;
		this.tokens = tokens;
	}

	/** The caller, or an error that answers 401, 403 or 503. */
	Mono<CurrentUser> reader(ServerHttpRequest request, String ticket) {
		if (ticket != null) {
			return Mono.justOrEmpty(this.tickets.redeem(ticket))
				.switchIfEmpty(Mono
					.error(() -> StreamProblems.unauthorized("The stream ticket is invalid, spent or expired")));
		}
		String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Mono.error(StreamProblems.unauthorized("An access token or a stream ticket is required"));
		}
		return this.tokens.decode(authorization.substring(BEARER.length()).trim())
			.map(CurrentUser::of)
			.onErrorMap(BadJwtException.class,
					(ex) -> StreamProblems.unauthorized("The access token is invalid or expired"))
			.onErrorMap((ex) -> ex instanceof JwtException && !(ex instanceof BadJwtException),
					(ex) -> StreamProblems.unavailable("The access token cannot be checked right now"))
			.flatMap((user) -> user.can(Permissions.NOTIFICATIONS_READ) ? Mono.just(user)
					: Mono.error(StreamProblems.forbidden("The access token lacks the permission this request needs")));
	}

}
