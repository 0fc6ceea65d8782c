package hub.ameen.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import hub.ameen.platform.test.reactor.ThreadLocalRestores;
import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.TrustedProxies;
import hub.ameen.platform.web.ratelimit.LocalRateLimitBuckets;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.context.SecurityContextServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitFilterTests {

	private final RateLimitFilter filter = new RateLimitFilter(new LocalRateLimitBuckets(),
			new RateLimitProperties(new RateLimitProperties.Limit(2, Duration.ofMinutes(1)),
					new RateLimitProperties.Limit(2, Duration.ofMinutes(1))),
			TrustedProxies.none(), new ProblemResponses(ServerCodecConfigurer.create()), new SimpleMeterRegistry());

	private final AtomicInteger proxied = new AtomicInteger();

	private final GatewayFilterChain chain = (exchange) -> Mono.fromRunnable(this.proxied::incrementAndGet);

	@RegisterExtension
	final ThreadLocalRestores restores = new ThreadLocalRestores();

	@Test
	void eachSignedInUserHasABucketOfTheirOwn() {
		assertThat(call("alice")).isNull();
		assertThat(call("alice")).isNull();
		assertThat(call("alice")).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(call("bob")).isNull();
		assertThat(this.proxied).hasValue(3);
	}

	@Test
	void aCallWithoutAUserIsNotCounted() {
		for (int i = 0; i < 3; i++) {
			assertThat(call(null)).isNull();
		}
		assertThat(this.proxied).hasValue(3);
	}

	@Test
	void theUserIsReadWithoutAThreadLocalSetFromTheCallsContext() {
		call("alice");
		assertThat(this.proxied).hasValue(1);
		assertThat(this.restores.count()).as("thread-locals set by Reactor to find the user").isZero();
	}

	/** The answer's status when the filter answered, {@code null} when it proxied. */
	private HttpStatus call(String user) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/crm/contacts"));
		// as the security chain hands it on: its principal read from the security context
		Mono<Void> filtered = this.filter.filter(
				new SecurityContextServerWebExchange(exchange, ReactiveSecurityContextHolder.getContext()), this.chain);
		if (user != null) {
			filtered = filtered.contextWrite(
					ReactiveSecurityContextHolder.withAuthentication(new TestingAuthenticationToken(user, "token")));
		}
		filtered.contextWrite(this.restores.context()).block();
		return (HttpStatus) exchange.getResponse().getStatusCode();
	}

}
