package hub.ameen.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import hub.ameen.platform.test.ListenPorts;

/**
 * Runs the {@code ./hub} script of one checkout against its own data and log directories
 * and its own free ports.
 *
 * @author Ameen Hub
 */
final class Hub {

	static final List<String> SERVICES = List.of("auth-service", "user-service", "crm-service", "tasks-service",
			"scheduler-service", "notification-service", "gateway");

	static final List<String> COMPONENTS = List.of("kafka", "auth-service", "user-service", "crm-service",
			"tasks-service", "scheduler-service", "notification-service", "gateway");

	private static final Map<String, String> PORT_VARIABLES = portVariables();

	private final Path root;

	private final Path dataDir;

	private final Path logDir;

	private final Map<String, Integer> ports;

	private final Map<String, String> settings = new LinkedHashMap<>();

	Hub(Path root, Path dataDir, Path logDir) {
		this(root, dataDir, logDir, freePorts());
	}

	/** A suite on the given ports, e.g. one already started by hand. */
	Hub(Path root, Path dataDir, Path logDir, Map<String, Integer> ports) {
		this.root = root;
		this.dataDir = dataDir;
		this.logDir = logDir;
		this.ports = ports;
	}

	/** The jars {@code ./hub up} would build first, when missing. */
	List<Path> missingJars() {
		List<Path> missing = new ArrayList<>();
		for (String name : COMPONENTS) {
			Path jar = name.equals("kafka")
					? this.root.resolve("platform/kafka/target/platform-kafka-0.1.0-SNAPSHOT-exec.jar")
					: this.root.resolve(name + "/target/" + name + "-0.1.0-SNAPSHOT.jar");
			if (!Files.isRegularFile(jar)) {
				missing.add(jar);
			}
		}
		return missing;
	}

	Result run(Duration timeout, String... args) {
		List<String> command = new ArrayList<>(List.of(this.root.resolve("hub").toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.directory(this.dataDir.getParent().toFile());
		builder.environment().putAll(environment());
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			Output output = new Output(process);
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(
						"./hub " + String.join(" ", args) + " took longer than " + timeout + ":\n" + output.await());
			}
			Result result = new Result(process.exitValue(), output.await());
			System.out.println(
					"$ ./hub " + String.join(" ", args) + "  (exit " + result.exitCode() + ")\n" + result.output());
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Stops one component as an operator would (SIGTERM) and waits until it is gone. */
	void stop(String component) {
		try {
			long pid = Long.parseLong(Files.readString(this.dataDir.resolve("run/" + component + ".pid")).trim());
			ProcessHandle.of(pid).ifPresent((process) -> {
				process.destroy();
				process.onExit().orTimeout(60, TimeUnit.SECONDS).join();
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Kills one component as a crash would ({@code kill -9}) and waits until it is gone.
	 */
	long kill(String component) {
		try {
			long pid = Long.parseLong(Files.readString(this.dataDir.resolve("run/" + component + ".pid")).trim());
			ProcessHandle.of(pid).ifPresent((process) -> {
				process.destroyForcibly();
				process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
			});
			return pid;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code ./hub up} on a partly running suite: starts what is not running. */
	void upAgain() {
		Result up = run(Duration.ofSeconds(Long.getLong("hub.up.seconds", 150)), "up");
		if (up.exitCode() != 0) {
			throw new AssertionError("./hub up failed:\n" + up.output());
		}
	}

	Map<String, String> environment() {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("HUB_DATA_DIR", this.dataDir.toString());
		env.put("HUB_LOG_DIR", this.logDir.toString());
		env.put("HUB_START_TIMEOUT", "120");
		this.ports.forEach((name, port) -> env.put(PORT_VARIABLES.get(name), String.valueOf(port)));
		env.putAll(this.settings);
		return env;
	}

	/** An environment variable for every later {@code ./hub} command. */
	void set(String name, String value) {
		this.settings.put(name, value);
	}

	int port(String component) {
		return this.ports.get(component);
	}

	/**
	 * The port that serves a component's {@code /actuator}: the gateway's own management
	 * port, the service's port otherwise.
	 */
	int managementPort(String component) {
		return this.ports.get(component.equals("gateway") ? "gateway-management" : component);
	}

	Map<String, Integer> ports() {
		return this.ports;
	}

	Path root() {
		return this.root;
	}

	Path dataDir() {
		return this.dataDir;
	}

	Path logDir() {
		return this.logDir;
	}

	/** Whether nothing listens on the port and it can be bound again. */
	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Map<String, Integer> freePorts() {
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (String name : PORT_VARIABLES.keySet()) {
			// room after each for a scaled service's further instances
			ports.put(name, ListenPorts.next(name.endsWith("-more") ? 4 : 0));
		}
		return ports;
	}

	private static Map<String, String> portVariables() {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("kafka", "HUB_PORT_KAFKA");
		variables.put("kafka-controller", "HUB_PORT_KAFKA_CONTROLLER");
		variables.put("auth-service", "HUB_PORT_AUTH");
		variables.put("user-service", "HUB_PORT_USERS");
		variables.put("crm-service", "HUB_PORT_CRM");
		variables.put("tasks-service", "HUB_PORT_TASKS");
		variables.put("scheduler-service", "HUB_PORT_SCHEDULER");
		variables.put("notification-service", "HUB_PORT_NOTIFICATIONS");
		variables.put("gateway", "HUB_PORT_GATEWAY");
		variables.put("gateway-management", "HUB_PORT_GATEWAY_MANAGEMENT");
		// the first of each scaled service's further instances (./hub scale)
		variables.put("notification-service-more", "HUB_PORT_NOTIFICATIONS_MORE");
		variables.put("scheduler-service-more", "HUB_PORT_SCHEDULER_MORE");
		variables.put("gateway-more", "HUB_PORT_GATEWAY_MORE");
		variables.put("gateway-management-more", "HUB_PORT_GATEWAY_MANAGEMENT_MORE");
		variables.put("gateway-members", "HUB_PORT_GATEWAY_MEMBERS");
		variables.put("edge-http", "HUB_PORT_EDGE_HTTP");
		variables.put("edge-https", "HUB_PORT_EDGE_HTTPS");
		return variables;
	}

	record Result(int exitCode, String output) {
	}

	/** Drains a process's output on its own thread so that the process never blocks. */
	private static final class Output {

		private final Thread reader;

		private final StringBuilder text = new StringBuilder();

		Output(Process process) {
			this.reader = new Thread(() -> {
				try {
					String all = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
					synchronized (this.text) {
						this.text.append(all);
					}
				}
				catch (IOException ex) {
					// the process is gone; keep what was read
				}
			}, "hub-output");
			this.reader.setDaemon(true);
			this.reader.start();
		}

		String await() throws InterruptedException {
			this.reader.join(Duration.ofSeconds(10).toMillis());
			synchronized (this.text) {
				return this.text.toString();
			}
		}

	}

}
