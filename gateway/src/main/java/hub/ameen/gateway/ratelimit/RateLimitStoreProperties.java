package hub.ameen.gateway.ratelimit;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the gateway's rate-limit buckets live ({@code hub.gateway.rate-limit-store}): in
 * this gateway's memory ({@code local}, for one gateway), or in a Hazelcast map held by a
 * member embedded in each gateway ({@code hazelcast}, for several), see
 * docs/decisions/0010-shared-rate-limit-buckets.md.
 *
 * @param type {@code local} or {@code hazelcast}
 * @param clusterName only members with this name join each other
 * @param port the member's own port (no auto-increment: each gateway is given its own)
 * @param address the address the member binds to and is known by, e.g. {@code 127.0.0.1}
 * for gateways on one machine; empty picks the host's address
 * @param members the other gateways' members ({@code host:port}) for a TCP-IP join
 * @param kubernetesService a headless Service's DNS name whose addresses are the members
 * (Hazelcast's Kubernetes DNS discovery, in its core jar); when set, {@code members} is
 * not used
 */
@Validated
@ConfigurationProperties("hub.gateway.rate-limit-store")
public record RateLimitStoreProperties(@NotNull @DefaultValue("local") Type type,
		@NotBlank @DefaultValue("hub-gateway") String clusterName, @Min(1) @Max(65535) @DefaultValue("5701") int port,
		@DefaultValue("") String address, @DefaultValue List<String> members,
		@DefaultValue("") String kubernetesService) {

	/** The stores to choose from. */
	public enum Type {

		/** In this gateway's memory. */
		LOCAL,

		/** A Hazelcast map shared by the gateways' embedded members. */
		HAZELCAST

	}

}
