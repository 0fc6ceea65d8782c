package hub.ameen.platform.kafka;

import java.nio.file.Path;

/**
 * Where and on which ports the local broker runs, read from system properties first and
 * then environment variables of the same name.
 *
 * @param dataDir the broker's data directory
 * @param port the client port
 * @param controllerPort the controller port
 * @author Ameen Hub
 */
record LocalKafkaSettings(Path dataDir, int port, int controllerPort) {

	static LocalKafkaSettings fromEnvironment() {
		return new LocalKafkaSettings(Path.of(setting("HUB_KAFKA_DIR", "./data/kafka")),
				Integer.parseInt(setting("HUB_PORT_KAFKA", "9092")),
				Integer.parseInt(setting("HUB_PORT_KAFKA_CONTROLLER", "9093")));
	}

	private static String setting(String name, String defaultValue) {
		String value = System.getProperty(name, System.getenv(name));
		return (value == null || value.isBlank()) ? defaultValue : value.trim();
	}

}
