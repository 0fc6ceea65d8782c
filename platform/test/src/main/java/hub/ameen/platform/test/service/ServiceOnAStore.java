package hub.ameen.platform.test.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.platform.test.security.TestTokens;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

/**
 * One service's whole application, started on a store directory of the test's, on the
 * shared broker and with the shared test tokens, that a test stops and starts again on
 * the same directory, or on the same directory wiped: what a test of a store rebuilt from
 * Kafka needs (docs/decisions/0009-stores-rebuilt-from-kafka.md).
 */
public final class ServiceOnAStore implements AutoCloseable {

	private final Class<?> application;

	private final Path store;

	private final List<String> args;

	private ConfigurableApplicationContext context;

	private ServiceOnAStore(Class<?> application, Path store, List<String> args) {
		this.application = application;
		this.store = store;
		this.args = args;
	}

	/**
	 * Starts the application on a free loopback port with its store at {@code store}.
	 * @param args further command-line arguments ({@code --name=value})
	 */
	public static ServiceOnAStore start(Class<?> application, Path store, String... args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--hub.store.path=" + store, "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
				"--" + TestTokens.JWKS_URI_PROPERTY + "=" + TestTokens.shared().jwksUri(),
				"--spring.main.banner-mode=off", "--logging.level.org.apache.kafka=WARN"));
		all.addAll(List.of(args));
		ServiceOnAStore service = new ServiceOnAStore(application, store, List.copyOf(all));
		service.run();
		return service;
	}

	private void run() {
		this.context = new SpringApplication(this.application).run(this.args.toArray(String[]::new));
	}

	/** A client of the running application. */
	public WebTestClient client() {
		String port = this.context.getEnvironment().getProperty("local.server.port");
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	/** A bean of the running application. */
	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/**
	 * Stops the application, deletes its store directory and starts it again on the empty
	 * directory.
	 * @return how long the new start took
	 */
	public Duration wipeAndRestart() {
		this.context.close();
		FileSystemUtils.deleteRecursively(this.store.toFile());
		if (this.store.toFile().exists()) {
			throw new IllegalStateException("could not wipe " + this.store);
		}
		long started = System.nanoTime();
		run();
		return Duration.ofNanos(System.nanoTime() - started);
	}

	@Override
	public void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

}
