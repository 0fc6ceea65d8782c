package hub.ameen.platform.security;

import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers 401, 403 and an unreachable key set as problem details, with the
 * {@code WWW-Authenticate} challenges of RFC 6750.
 */
class ProblemSecurityHandlers
		implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerAuthenticationFailureHandler {

	private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(ProblemSecurityHandlers.class);

	private final ProblemResponses responses;

	ProblemSecurityHandlers(ProblemResponses responses) {
		this.responses = responses;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		boolean tokenSent = ex instanceof OAuth2AuthenticationException;
		String detail = tokenSent ? "The access token is invalid or expired" : "An access token is required";
		String challenge = tokenSent ? "Bearer error=\"invalid_token\", error_description=\"" + detail + "\""
				: "Bearer";
		return write(exchange, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, detail, challenge);
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		String detail = "The access token lacks the permission this request needs";
		String challenge = "Bearer error=\"insufficient_scope\", error_description=\"" + detail + "\"";
		return write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, detail, challenge);
	}

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException ex) {
		if (ex instanceof AuthenticationServiceException) {
			logger.warn("Cannot check access tokens: {}", ex.getMessage(), ex.getCause());
			return write(webFilterExchange.getExchange(), HttpStatus.SERVICE_UNAVAILABLE,
					ProblemTypes.SERVICE_UNAVAILABLE, "The access token cannot be checked right now", null);
		}
		return commence(webFilterExchange.getExchange(), ex);
	}

	private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, java.net.URI type, String detail,
			String challenge) {
		HttpHeaders headers = new HttpHeaders();
		if (challenge != null) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
		}
		return this.responses.write(exchange, ProblemResponses.problem(status, type, detail), headers);
	}

}
