package hub.ameen.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs the command-line tools that check deployment files (promtool, kubectl,
 * shellcheck), skipping a test loudly when one is missing, and reads YAML files.
 */
final class Tools {

	static final Path root = Path.of(System.getProperty("hub.root", "..")).toAbsolutePath().normalize();

	private Tools() {
	}

	/** Skips the calling test, loudly, when the tool is not on the PATH. */
	static void require(String tool) {
		if (run(root, List.of("sh", "-c", "command -v " + tool)).exitCode() != 0) {
			String message = "\n*** SKIPPED: " + tool + " is not installed (bash .ci/run installs it)\n";
			System.err.println(message);
			Assumptions.abort(message);
		}
	}

	static Run run(Path directory, List<String> command) {
		return run(directory, command, Map.of());
	}

	static Run run(Path directory, List<String> command, Map<String, String> environment) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		builder.environment().putAll(environment);
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
			return new Run(process.waitFor(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Every YAML document of a file or a string. */
	static List<Object> yamlDocuments(String text) {
		LoaderOptions options = new LoaderOptions();
		options.setCodePointLimit(20 * 1024 * 1024);
		List<Object> documents = new java.util.ArrayList<>();
		new Yaml(options).loadAll(text).forEach(documents::add);
		return documents;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> yaml(Path file) {
		try {
			return (Map<String, Object>) yamlDocuments(Files.readString(file)).get(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Run(int exitCode, String output) {
	}

}
