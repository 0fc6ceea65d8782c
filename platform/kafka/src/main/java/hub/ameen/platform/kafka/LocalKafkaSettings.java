package hub.ameen.platform.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and on which ports the local broker runs, read from system properties first and
 * then environment variables of the same name.
 *
 * @param dataDir the broker's data directory
 * @param port the client port
 * @param controllerPort the controller port
 * @param heapGiveBackQuietPeriod how long the broker must be quiet before it gives back
 * the heap a burst grew, as the services' {@code hub.memory.give-back.quiet-period} (the
 * same variable, in the same form: {@code 10s}, {@code 500ms}, {@code PT10S}; 0 turns it
 * off)
 * @param heapGiveBackInitialDelay how long after start the broker first looks, as the
 * services' {@code hub.memory.give-back.initial-delay} (the same variable and forms)
 * @author Ameen Hub
 */
record LocalKafkaSettings(Path dataDir, int port, int controllerPort, Duration heapGiveBackQuietPeriod,
		Duration heapGiveBackInitialDelay) {

	private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

	static LocalKafkaSettings fromEnvironment() {
		return new LocalKafkaSettings(Path.of(setting("HUB_KAFKA_DIR", "./data/kafka")),
				Integer.parseInt(setting("HUB_PORT_KAFKA", "9092")),
				Integer.parseInt(setting("HUB_PORT_KAFKA_CONTROLLER", "9093")),
				duration(setting("HUB_MEMORY_GIVEBACK_QUIETPERIOD", "10s")),
				duration(setting("HUB_MEMORY_GIVEBACK_INITIALDELAY", "60s")));
	}

	/** Spring's two forms of a duration: ISO-8601, or a number with a unit (none: ms). */
	static Duration duration(String value) {
		if (value.startsWith("P") || value.startsWith("p")) {
			return Duration.parse(value);
		}
		Matcher simple = SIMPLE_DURATION.matcher(value);
		if (!simple.matches()) {
			throw new IllegalArgumentException("Not a duration: " + value);
		}
		long amount = Long.parseLong(simple.group(1));
		return switch ((simple.group(2) != null) ? simple.group(2) : "ms") {
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofMillis(amount);
		};
	}

	private static String setting(String name, String defaultValue) {
		String value = System.getProperty(name, System.getenv(name));
		return (value == null || value.isBlank()) ? defaultValue : value.trim();
	}

}
