package hub.ameen.platform.security;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import hub.ameen.platform.test.reactor.ThreadLocalRestores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthenticatedReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.authorization.AuthorizationWebFilter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticatedUnlessPublicTests {

	private final AuthenticatedUnlessPublic filter = new AuthenticatedUnlessPublic(
			new PublicPaths(List.of("/open/**")));

	private final AtomicBoolean passedOn = new AtomicBoolean();

	private final WebFilterChain chain = (exchange) -> Mono.fromRunnable(() -> this.passedOn.set(true));

	@RegisterExtension
	final ThreadLocalRestores restores = new ThreadLocalRestores();

	@Test
	void aPublicPathGoesOnWithoutACaller() {
		run(this.filter, "/open/ping", null);
		assertThat(this.passedOn).isTrue();
	}

	@Test
	void anAuthenticatedCallerGoesOnAnywhere() {
		run(this.filter, "/api/crm/contacts", caller());
		assertThat(this.passedOn).isTrue();
	}

	@Test
	void noCallerIsDeniedWhereThePathIsNotPublic() {
		assertThatThrownBy(() -> run(this.filter, "/api/crm/contacts", null))
			.isInstanceOf(AuthorizationDeniedException.class);
		assertThatThrownBy(() -> run(this.filter, "/opened", null)).isInstanceOf(AuthorizationDeniedException.class);
		assertThat(this.passedOn).isFalse();
	}

	@Test
	void anAnonymousOrUnauthenticatedAuthenticationIsNoCaller() {
		Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymous",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		assertThatThrownBy(() -> run(this.filter, "/api/crm/contacts", anonymous))
			.isInstanceOf(AuthorizationDeniedException.class);
		TestingAuthenticationToken unauthenticated = new TestingAuthenticationToken("user-7", "token");
		unauthenticated.setAuthenticated(false);
		assertThatThrownBy(() -> run(this.filter, "/api/crm/contacts", unauthenticated))
			.isInstanceOf(AuthorizationDeniedException.class);
		assertThat(this.passedOn).isFalse();
	}

	@Test
	void aCallerGoesOnWithoutAThreadLocalSetFromTheRequestsContext() {
		run(this.filter, "/api/crm/contacts", caller());
		assertThat(this.passedOn).isTrue();
		assertThat(this.restores.count()).as("thread-locals set by Reactor for the authorization").isZero();
	}

	@Test
	void springsOwnAuthorizationFilterSetsThemToReadTheCaller() {
		// what this filter is for: the same decision through Spring Security's filter
		WebFilter springs = new AuthorizationWebFilter(AuthenticatedReactiveAuthorizationManager.authenticated());
		run(springs, "/api/crm/contacts", caller());
		assertThat(this.passedOn).isTrue();
		assertThat(this.restores.count()).as("thread-locals set by Reactor for the authorization").isPositive();
	}

	private void run(WebFilter filter, String path, Authentication authentication) {
		ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
		Mono<Void> filtered = filter.filter(exchange, this.chain);
		if (authentication != null) {
			filtered = filtered.contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication));
		}
		filtered.contextWrite(this.restores.context()).block();
	}

	private static Authentication caller() {
		return new TestingAuthenticationToken("user-7", "token", "crm:read");
	}

}
