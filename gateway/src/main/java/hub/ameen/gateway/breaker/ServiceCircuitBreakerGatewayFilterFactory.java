package hub.ameen.gateway.breaker;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.stereotype.Component;

/**
 * {@code CircuitBreaker}, named after its route, except on routes whose metadata says
 * {@code circuit-breaker: false} (the event stream, which is long by design and would
 * count as a slow call). Declared once in {@code default-filters}.
 */
@Component
class ServiceCircuitBreakerGatewayFilterFactory
		extends AbstractGatewayFilterFactory<SpringCloudCircuitBreakerFilterFactory.Config> {

	static final String METADATA = "circuit-breaker";

	private final SpringCloudCircuitBreakerFilterFactory breakers;

	ServiceCircuitBreakerGatewayFilterFactory(SpringCloudCircuitBreakerFilterFactory breakers) {
		super(SpringCloudCircuitBreakerFilterFactory.Config.class);
		this.breakers = breakers;
	}

	@Override
	public GatewayFilter apply(SpringCloudCircuitBreakerFilterFactory.Config config) {
		GatewayFilter breaker = this.breakers.apply(config);
		return (exchange, chain) -> {
			Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
			boolean optedOut = route != null && "false".equals(String.valueOf(route.getMetadata().get(METADATA)));
			return optedOut ? chain.filter(exchange) : breaker.filter(exchange, chain);
		};
	}

}
