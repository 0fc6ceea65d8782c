package hub.ameen.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the services live.
 *
 * @param services base URL of each service by name ({@code auth-service},
 * {@code crm-service}, …), or of each of its instances, comma-separated; the routes in
 * {@code application.yml} use them too, and {@code lb://<service>} routes balance over
 * the instances round-robin (decision 0008)
 * @param healthTimeout how long {@code GET /api/health} waits for one service
 * @param trustedProxies addresses or CIDR blocks of the proxies in front of the gateway
 * (the Nginx edge) whose {@code X-Forwarded-For} is believed; none by default
 */
@Validated
@ConfigurationProperties("hub.gateway")
public record GatewayProperties(@NotEmpty Map<String, List<URI>> services,
		@NotNull @DefaultValue("2s") Duration healthTimeout, @DefaultValue List<String> trustedProxies) {

	/** The service's first (or only) instance, or null for an unknown service. */
	public URI base(String service) {
		List<URI> instances = this.services.get(service);
		return (instances == null || instances.isEmpty()) ? null : instances.get(0);
	}

}
