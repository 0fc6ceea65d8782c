package hub.ameen.gateway.forwarding;

import hub.ameen.gateway.GatewayProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ForwardingConfiguration {

	@Bean
	ClientAddressHeadersFilter clientAddressHeadersFilter(GatewayProperties properties) {
		return new ClientAddressHeadersFilter(properties.trustedProxies());
	}

}
