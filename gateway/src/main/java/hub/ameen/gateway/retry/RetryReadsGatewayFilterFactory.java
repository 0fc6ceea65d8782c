package hub.ameen.gateway.retry;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * {@code RetryReads}: Spring Cloud Gateway's {@code Retry}, applied to {@code GET} and
 * {@code HEAD} only. Every other request bypasses it entirely, because the retry filter
 * holds a request body until it is complete, which would make an upload reach its service
 * only after the client had sent all of it.
 */
@Component
public class RetryReadsGatewayFilterFactory extends AbstractGatewayFilterFactory<RetryConfig> {

	private final RetryGatewayFilterFactory retry = new RetryGatewayFilterFactory();

	public RetryReadsGatewayFilterFactory() {
		super(RetryConfig.class);
	}

	@Override
	public GatewayFilter apply(RetryConfig config) {
		GatewayFilter reads = this.retry.apply(config);
		return (exchange, chain) -> {
			HttpMethod method = exchange.getRequest().getMethod();
			return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) ? reads.filter(exchange, chain)
					: chain.filter(exchange);
		};
	}

}
