package hub.ameen.gateway.connections;

import java.util.List;

import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routing filter, in place of Spring Cloud Gateway's own (turned off in
 * {@code application.yml}, {@code global-filter.netty-routing.enabled: false}). The same
 * switch turns off the filter that writes a proxied answer back, which is Spring's own
 * and declared here unchanged.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionsConfiguration {

	@Bean
	LoopLocalRoutingFilter loopLocalRoutingFilter(HttpClient httpClient,
			ObjectProvider<List<HttpHeadersFilter>> headersFilters, HttpClientProperties properties) {
		return new LoopLocalRoutingFilter(httpClient, headersFilters, properties);
	}

	@Bean
	NettyWriteResponseFilter nettyWriteResponseFilter(GatewayProperties properties,
			ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
		return new NettyWriteResponseFilter(properties.getStreamingMediaTypes(), headersFilters);
	}

}
