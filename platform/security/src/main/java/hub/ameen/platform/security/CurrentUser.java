package hub.ameen.platform.security;

import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of the current request, as its access token says.
 *
 * @param id the user id (the token's {@code sub})
 * @param email the user's email (the {@code email} claim), may be {@code null}
 * @param perms the user's permissions (the {@code perms} claim)
 */
public record CurrentUser(String id, String email, Set<String> perms) {

	/**
	 * The caller of the current request.
	 * @return the caller, or empty when the request carries no valid access token
	 */
	public static Mono<CurrentUser> current() {
		return authentication().filter(JwtAuthenticationToken.class::isInstance)
			.map((authentication) -> of(((JwtAuthenticationToken) authentication).getToken()));
	}

	/**
	 * The current request's authentication, as {@code ServerWebExchange.getPrincipal()}
	 * reads it but without its {@code mapNotNull}: Reactor runs that as a {@code handle}
	 * operator, around which it sets and clears every thread-local it propagates (the
	 * observation's scope, the security context) on each request (decision 0007,
	 * twenty-fifth round).
	 * @return the authentication, or empty when the request has none
	 */
	public static Mono<Authentication> authentication() {
		return ReactiveSecurityContextHolder.getContext()
			.filter((context) -> context.getAuthentication() != null)
			.map(SecurityContext::getAuthentication);
	}

	/**
	 * The user an access token names.
	 * @param jwt the decoded token
	 * @return the user
	 */
	public static CurrentUser of(Jwt jwt) {
		List<String> perms = jwt.getClaimAsStringList("perms");
		return new CurrentUser(jwt.getSubject(), jwt.getClaimAsString("email"),
				(perms != null) ? Set.copyOf(perms) : Set.of());
	}

	/**
	 * Whether the user holds a permission.
	 * @param permission one of {@link Permissions}
	 * @return {@code true} if the token grants it
	 */
	public boolean can(String permission) {
		return this.perms.contains(permission);
	}

}
