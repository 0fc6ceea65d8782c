package hub.ameen.platform.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of a single-node KRaft broker bound to localhost, sized for a
 * developer machine.
 *
 * @author Ameen Hub
 */
final class BrokerProperties {

	private BrokerProperties() {
	}

	static Properties of(Path dataDir, int port, int controllerPort) {
		Properties props = new Properties();
		props.setProperty("process.roles", "broker,controller");
		props.setProperty("node.id", "1");
		props.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
		props.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
		props.setProperty("controller.listener.names", "CONTROLLER");
		props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		props.setProperty("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
		props.setProperty("inter.broker.listener.name", "PLAINTEXT");
		props.setProperty("log.dirs", dataDir.toString());
		props.setProperty("offsets.topic.replication.factor", "1");
		props.setProperty("offsets.topic.num.partitions", "10");
		props.setProperty("transaction.state.log.replication.factor", "1");
		props.setProperty("transaction.state.log.min.isr", "1");
		props.setProperty("transaction.state.log.num.partitions", "10");
		props.setProperty("share.coordinator.state.topic.replication.factor", "1");
		props.setProperty("share.coordinator.state.topic.min.isr", "1");
		props.setProperty("group.initial.rebalance.delay.ms", "0");
		// the log cleaner's key map is allocated whole at start and held for good, in
		// the heap (128 MB by default); 4 MB maps ~150,000 keys a pass, and a changelog
		// with more dirty keys is compacted in more passes
		props.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
		props.setProperty("num.network.threads", "2");
		props.setProperty("num.io.threads", "2");
		return props;
	}

}
