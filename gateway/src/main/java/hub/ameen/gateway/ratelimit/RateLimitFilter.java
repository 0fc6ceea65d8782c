package hub.ameen.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.Optional;

import hub.ameen.gateway.forwarding.ProxiedHeadersFilter;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;
import hub.ameen.platform.web.TrustedProxies;
import hub.ameen.platform.web.ratelimit.RateLimit;
import hub.ameen.platform.web.ratelimit.RateLimitBuckets;
import hub.ameen.platform.web.ratelimit.RateLimitDecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Counts each routed call against its bucket before it is proxied: a sign-in against its
 * client address, any other call against the signed-in user (calls without a user were
 * refused by the security filter already, or are public ones such as the key set). An
 * empty bucket answers 429 with {@code Retry-After}, and the refusal is counted in
 * {@code hub.gateway.rate.limited{limit}}.
 */
public class RateLimitFilter implements GlobalFilter, Ordered {

	static final String SIGN_IN_PATH = "/api/auth/login";

	private final RateLimitBuckets buckets;

	private final TrustedProxies proxies;

	private final ProblemResponses problems;

	private final Limited apiPerUser;

	private final Limited signInPerAddress;

	public RateLimitFilter(RateLimitBuckets buckets, RateLimitProperties properties, TrustedProxies proxies,
			ProblemResponses problems, MeterRegistry meters) {
		this.buckets = buckets;
		this.proxies = proxies;
		this.problems = problems;
		this.apiPerUser = new Limited(properties.apiPerUser().named("api-per-user"), meters);
		this.signInPerAddress = new Limited(properties.signInPerAddress().named("sign-in-per-address"), meters);
	}

	/** First of the gateway's filters: a refused call costs no more than this. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (HttpMethod.POST.equals(request.getMethod())
				&& SIGN_IN_PATH.equals(request.getPath().pathWithinApplication().value())) {
			return check(this.signInPerAddress, clientAddress(request), exchange, chain);
		}
		// the chain's Mono<Void> completes empty, so "no user" is an empty Optional; the
		// caller as exchange.getPrincipal() has it, without its thread-local restores
		return CurrentUser.authentication()
			.map((authentication) -> Optional.of(authentication.getName()))
			.defaultIfEmpty(Optional.empty())
			.flatMap((user) -> user.isPresent() ? check(this.apiPerUser, user.get(), exchange, chain)
					: chain.filter(exchange));
	}

	private Mono<Void> check(Limited limited, String key, ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!this.buckets.blocking()) {
			return answer(this.buckets.tryConsume(limited.limit(), key), limited, exchange, chain);
		}
		// a shared store answers over the network: never wait for it on the event loop
		return Mono.fromCallable(() -> this.buckets.tryConsume(limited.limit(), key))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((decision) -> answer(decision, limited, exchange, chain));
	}

	private Mono<Void> answer(RateLimitDecision decision, Limited limited, ServerWebExchange exchange,
			GatewayFilterChain chain) {
		if (decision.allowed()) {
			return chain.filter(exchange);
		}
		limited.refused().increment();
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
		var problem = ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS,
				"Too many requests; try again in " + decision.retryAfterSeconds() + " s");
		problem.setProperty("retryAfterSeconds", decision.retryAfterSeconds());
		return this.problems.write(exchange, problem, headers);
	}

	private String clientAddress(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null || remote.getAddress() == null) {
			return "unknown";
		}
		return this.proxies.clientAddress(remote.getAddress(),
				request.getHeaders().getOrEmpty(ProxiedHeadersFilter.X_FORWARDED_FOR));
	}

	private record Limited(RateLimit limit, Counter refused) {

		Limited(RateLimit limit, MeterRegistry meters) {
			this(limit,
					Counter.builder("hub.gateway.rate.limited")
						.description("Calls the gateway refused with 429, by the limit that refused them")
						.tag("limit", limit.name())
						.register(meters));
		}

	}

}
