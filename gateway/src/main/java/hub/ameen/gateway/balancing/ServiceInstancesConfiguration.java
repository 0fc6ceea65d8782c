package hub.ameen.gateway.balancing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import hub.ameen.gateway.GatewayProperties;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The instances of each service the gateway balances ({@code lb://<service>} routes): the
 * base URLs {@code hub.gateway.services.<service>} lists, in that order, chosen
 * round-robin (Spring Cloud LoadBalancer's default) with no registry: the list is the
 * configuration. An instance that refuses connections is skipped by the route's retry of
 * reads, which chooses again (decision 0008).
 * <p>
 * Each balanced service has a context of its own, which Spring AOT works out at build
 * time only for the services {@code spring.cloud.loadbalancer.eager-load.clients} names:
 * every {@code lb://} route's service must be listed there. Public, as is
 * {@link Instances}, for the code Spring AOT generates in another package.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = ServiceInstancesConfiguration.Instances.class)
public class ServiceInstancesConfiguration {

	/** One service's instances, in the load balancer's own context for that service. */
	public static class Instances {

		@Bean
		ServiceInstanceListSupplier serviceInstances(Environment environment, GatewayProperties properties) {
			String service = environment.getProperty(LoadBalancerClientFactory.PROPERTY_NAME);
			List<URI> bases = properties.services().getOrDefault(service, List.of());
			List<ServiceInstance> instances = new ArrayList<>();
			for (int i = 0; i < bases.size(); i++) {
				URI base = bases.get(i);
				boolean secure = "https".equalsIgnoreCase(base.getScheme());
				int port = (base.getPort() > 0) ? base.getPort() : (secure ? 443 : 80);
				instances
					.add(new DefaultServiceInstance(service + "-" + (i + 1), service, base.getHost(), port, secure));
			}
			return ServiceInstanceListSuppliers.from(service, instances.toArray(ServiceInstance[]::new));
		}

	}

}
