package hub.ameen.gateway.ratelimit;

import java.time.Duration;
import java.util.stream.Stream;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code hub.gateway.rate-limit-store.type=hazelcast}: a Hazelcast member embedded in
 * this gateway joins the other gateways' (TCP-IP to the listed members, or the members
 * behind a headless Service; never multicast), and the buckets live in a map they share.
 * Nothing of this is loaded with the default {@code local} store
 * ({@link RateLimitConfiguration} calls it only for this one).
 */
final class HazelcastRateLimitMember {

	private HazelcastRateLimitMember() {
	}

	/** This gateway's member, started, and the buckets in the map it shares. */
	static HazelcastRateLimitBuckets start(RateLimitStoreProperties store, RateLimitProperties limits,
			MeterRegistry meters) {
		return new HazelcastRateLimitBuckets(Hazelcast.newHazelcastInstance(config(store, limits)), meters);
	}

	private static Config config(RateLimitStoreProperties store, RateLimitProperties limits) {
		Config config = new Config();
		config.setClusterName(store.clusterName());
		config.setProperty("hazelcast.logging.type", "slf4j");
		config.setProperty("hazelcast.phone.home.enabled", "false");
		// Spring shuts the member down (after the web server has drained), not a JVM hook
		config.setProperty("hazelcast.shutdownhook.enabled", "false");
		// a rate-limit check waits 2 s at most, then the gateway counts on its own
		config.setProperty("hazelcast.operation.call.timeout.millis", "2000");
		config.setProperty("hazelcast.invocation.max.retry.count", "3");
		// join within a second or two of start-up, not Hazelcast's 5 s default wait
		config.setProperty("hazelcast.wait.seconds.before.join", "1");
		config.setProperty("hazelcast.max.wait.seconds.before.join", "3");
		config.getJetConfig().setEnabled(false);
		NetworkConfig network = config.getNetworkConfig();
		network.setPort(store.port()).setPortAutoIncrement(false);
		if (!store.address().isBlank()) {
			config.setProperty("hazelcast.socket.bind.any", "false");
			network.getInterfaces().setEnabled(true).addInterface(store.address());
		}
		JoinConfig join = network.getJoin();
		join.getMulticastConfig().setEnabled(false);
		join.getAutoDetectionConfig().setEnabled(false);
		if (!store.kubernetesService().isBlank()) {
			join.getKubernetesConfig()
				.setEnabled(true)
				.setProperty("service-dns", store.kubernetesService())
				.setProperty("service-port", Integer.toString(store.port()));
		}
		else {
			join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2).setMembers(store.members());
		}
		// one synchronous backup: a bucket outlives the gateway that held it (a rolling
		// update); a bucket idle for its longest window is full again, so it is dropped
		long idleSeconds = Stream.of(limits.apiPerUser(), limits.signInPerAddress())
			.map(RateLimitProperties.Limit::window)
			.max(Duration::compareTo)
			.orElseThrow()
			.toSeconds() + 1;
		config.addMapConfig(new MapConfig(HazelcastRateLimitBuckets.MAP_NAME).setBackupCount(1)
			.setAsyncBackupCount(0)
			.setMaxIdleSeconds((int) Math.min(Integer.MAX_VALUE, idleSeconds)));
		return config;
	}

}
