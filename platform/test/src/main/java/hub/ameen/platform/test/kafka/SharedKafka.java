package hub.ameen.platform.test.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import hub.ameen.platform.kafka.LocalKafka;

/**
 * The real Kafka broker of this test JVM: started lazily on two free ports in a temporary
 * directory, shared by every test, stopped and deleted when the JVM exits.
 *
 * @author Ameen Hub
 */
public final class SharedKafka {

	private static final int ATTEMPTS = 3;

	private static LocalKafka broker;

	private SharedKafka() {
	}

	/**
	 * Starts the shared broker if needed and returns where it listens.
	 * @return the value for {@code bootstrap.servers}, e.g. {@code localhost:41234}
	 */
	public static synchronized String bootstrapServers() {
		if (broker == null) {
			broker = startBroker();
			Runtime.getRuntime().addShutdownHook(new Thread(SharedKafka::stop, "shared-kafka-shutdown"));
		}
		return broker.bootstrapServers();
	}

	private static LocalKafka startBroker() {
		RuntimeException failure = null;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Path dir = createTempDir();
			try {
				return LocalKafka.startOnFreePorts(dir);
			}
			catch (RuntimeException ex) {
				// most likely another process took one of the free ports first
				delete(dir);
				failure = ex;
			}
		}
		throw failure;
	}

	private static synchronized void stop() {
		broker.close();
		delete(broker.dataDir());
	}

	private static Path createTempDir() {
		try {
			return Files.createTempDirectory("hub-shared-kafka-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// best effort: a leftover temporary directory is harmless
		}
	}

}
