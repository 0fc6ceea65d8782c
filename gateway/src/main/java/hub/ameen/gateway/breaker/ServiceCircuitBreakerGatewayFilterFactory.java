package hub.ameen.gateway.breaker;

import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.stereotype.Component;

/**
 * {@code CircuitBreaker}, named after its route, except on routes whose metadata says
 * {@code circuit-breaker: false}: the event stream, which is long by design and would
 * count as a slow call, and uploads, whose bodies the breaker would hold in memory whole
 * to replay them to its fallback (it caches the body of every route it is applied to).
 * Declared once in {@code default-filters}.
 */
@Component
class ServiceCircuitBreakerGatewayFilterFactory
		extends AbstractGatewayFilterFactory<SpringCloudCircuitBreakerFilterFactory.Config> {

	static final String METADATA = "circuit-breaker";

	private final SpringCloudCircuitBreakerFilterFactory breakers;

	private final GatewayProperties routes;

	ServiceCircuitBreakerGatewayFilterFactory(SpringCloudCircuitBreakerFilterFactory breakers,
			GatewayProperties routes) {
		super(SpringCloudCircuitBreakerFilterFactory.Config.class);
		this.breakers = breakers;
		this.routes = routes;
	}

	@Override
	public GatewayFilter apply(SpringCloudCircuitBreakerFilterFactory.Config config) {
		if (optedOut(config.getRouteId())) {
			// never applied, so the breaker does not start caching this route's bodies
			return (exchange, chain) -> chain.filter(exchange);
		}
		GatewayFilter breaker = this.breakers.apply(config);
		return (exchange, chain) -> {
			Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
			boolean optedOut = route != null && "false".equals(String.valueOf(route.getMetadata().get(METADATA)));
			return optedOut ? chain.filter(exchange) : breaker.filter(exchange, chain);
		};
	}

	private boolean optedOut(String routeId) {
		return this.routes.getRoutes()
			.stream()
			.filter((route) -> route.getId().equals(routeId))
			.anyMatch((route) -> "false".equals(String.valueOf(route.getMetadata().get(METADATA))));
	}

}
