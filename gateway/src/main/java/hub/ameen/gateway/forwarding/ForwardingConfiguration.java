package hub.ameen.gateway.forwarding;

import hub.ameen.gateway.GatewayProperties;
import hub.ameen.platform.web.TrustedProxies;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ForwardingConfiguration {

	/**
	 * The proxies in front (the Nginx edge) whose {@code X-Forwarded-For} is believed.
	 */
	@Bean
	TrustedProxies trustedProxies(GatewayProperties properties) {
		return TrustedProxies.of(properties.trustedProxies());
	}

	@Bean
	ProxiedHeadersFilter proxiedCallHeadersFilter(TrustedProxies trustedProxies) {
		return ProxiedHeadersFilter.calls(trustedProxies);
	}

	@Bean
	ProxiedHeadersFilter proxiedAnswerHeadersFilter() {
		return ProxiedHeadersFilter.answers();
	}

}
