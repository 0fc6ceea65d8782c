package hub.ameen.platform.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Formats a broker's data directory once, with a fresh cluster id, as
 * {@code kafka-storage.sh format --standalone} does.
 *
 * @author Ameen Hub
 */
final class BrokerStorage {

	private BrokerStorage() {
	}

	static boolean isFormatted(Path dataDir) {
		return Files.exists(dataDir.resolve("meta.properties"));
	}

	static void formatIfNeeded(Path dataDir, int port, int controllerPort) {
		if (isFormatted(dataDir)) {
			return;
		}
		try {
			Files.createDirectories(dataDir);
			Path config = Files.createTempFile("hub-kafka-", ".properties");
			try {
				try (OutputStream out = Files.newOutputStream(config)) {
					BrokerProperties.of(dataDir, port, controllerPort).store(out, "Ameen Hub local broker");
				}
				format(config);
			}
			finally {
				Files.deleteIfExists(config);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void format(Path config) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		String[] args = { "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--standalone" };
		int status;
		try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
			status = StorageTool.execute(args, out);
		}
		if (status != 0) {
			throw new IllegalStateException(
					"Formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
		}
	}

}
