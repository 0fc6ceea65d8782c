package hub.ameen.platform.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import hub.ameen.platform.jvm.HeapGiveBack;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.LoggerFactory;

/**
 * One real Kafka broker (combined broker and controller, KRaft) on localhost, with its
 * data in one directory that survives restarts. Start it with {@link #start}, stop it
 * with {@link #close}; {@link #main} runs it as the local broker of {@code ./hub up}.
 *
 * @author Ameen Hub
 */
public final class LocalKafka implements AutoCloseable {

	static final String LOGBACK_CONFIG = "hub/ameen/platform/kafka/logback-local-kafka.xml";

	private final KafkaRaftServer server;

	private final Path dataDir;

	private final int port;

	private final int controllerPort;

	private final AtomicBoolean closed = new AtomicBoolean();

	private LocalKafka(KafkaRaftServer server, Path dataDir, int port, int controllerPort) {
		this.server = server;
		this.dataDir = dataDir;
		this.port = port;
		this.controllerPort = controllerPort;
	}

	/**
	 * Formats {@code dataDir} on first use, then starts a broker listening on
	 * {@code localhost:port} with its controller on {@code localhost:controllerPort}.
	 * Returns once the broker accepts requests. Keep the same ports when restarting on
	 * the same directory.
	 * @param dataDir where the broker keeps its logs and metadata
	 * @param port the client (PLAINTEXT) port
	 * @param controllerPort the KRaft controller port
	 * @return the running broker
	 */
	public static LocalKafka start(Path dataDir, int port, int controllerPort) {
		Path dir = dataDir.toAbsolutePath();
		BrokerStorage.formatIfNeeded(dir, port, controllerPort);
		KafkaConfig config = KafkaConfig.fromProps(BrokerProperties.of(dir, port, controllerPort), false);
		KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
		try {
			server.startup();
		}
		catch (RuntimeException ex) {
			server.shutdown();
			throw new IllegalStateException("Kafka did not start on localhost:" + port + " with " + dir, ex);
		}
		LoggerFactory.getLogger(LocalKafka.class).info("Kafka broker ready on localhost:{} (data: {})", port, dir);
		return new LocalKafka(server, dir, port, controllerPort);
	}

	/**
	 * Starts a broker on two free ports, for tests that own {@code dataDir}.
	 * @param dataDir an empty directory
	 * @return the running broker
	 */
	public static LocalKafka startOnFreePorts(Path dataDir) {
		return start(dataDir, freePort(), freePort());
	}

	/**
	 * The value for {@code bootstrap.servers}.
	 * @return {@code localhost:<port>}
	 */
	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	/**
	 * The client port.
	 * @return the port producers and consumers connect to
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The KRaft controller port; pass it again when restarting on the same directory.
	 * @return the controller port
	 */
	public int controllerPort() {
		return this.controllerPort;
	}

	/**
	 * The broker's data directory.
	 * @return the absolute data directory
	 */
	public Path dataDir() {
		return this.dataDir;
	}

	/**
	 * Blocks until the broker has shut down.
	 */
	public void awaitShutdown() {
		this.server.awaitShutdown();
	}

	/**
	 * Shuts the broker down cleanly and waits for it; idempotent.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.server.shutdown();
			this.server.awaitShutdown();
			LoggerFactory.getLogger(LocalKafka.class).info("Kafka broker on localhost:{} stopped", this.port);
		}
	}

	/**
	 * Runs the local broker until SIGTERM. Settings come from system properties or
	 * environment variables {@code HUB_KAFKA_DIR} (default {@code ./data/kafka}),
	 * {@code HUB_PORT_KAFKA} (9092) and {@code HUB_PORT_KAFKA_CONTROLLER} (9093).
	 * @param args ignored
	 */
	public static void main(String[] args) {
		if (System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
		}
		LocalKafkaSettings settings = LocalKafkaSettings.fromEnvironment();
		LocalKafka kafka;
		try {
			kafka = start(settings.dataDir(), settings.port(), settings.controllerPort());
		}
		catch (RuntimeException ex) {
			LoggerFactory.getLogger(LocalKafka.class).error("Kafka failed to start", ex);
			System.exit(1);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "local-kafka-shutdown"));
		// as every service does: the heap a burst grew goes back once quiet
		new HeapGiveBack(settings.heapGiveBackQuietPeriod(), 0.1, 16 << 20, settings.heapGiveBackInitialDelay())
			.start();
		kafka.awaitShutdown();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
