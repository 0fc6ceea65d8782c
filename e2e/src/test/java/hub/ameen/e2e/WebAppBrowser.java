package hub.ameen.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The web app's browser scenarios ({@code web/e2e/run.mjs}): Debian's chromium driven by
 * playwright-core from the web module's {@code node_modules}, against the running suite's
 * gateway. Screenshots and the report land in {@code e2e/target/screenshots/}.
 */
final class WebAppBrowser {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

	private final Path root;

	WebAppBrowser(Path root) {
		this.root = root;
	}

	/** Why the scenarios cannot run here, or null when they can. */
	String missing() {
		if (!Files.isExecutable(CHROMIUM)) {
			return CHROMIUM + " (apt-get install --no-install-recommends chromium)";
		}
		if (!Files.isDirectory(this.root.resolve("web/node_modules/playwright-core"))) {
			return "web/node_modules (the web module's npm ci)";
		}
		return null;
	}

	/** Runs the scenarios and returns their output; fails with it when one fails. */
	String run(String gatewayUrl, String adminPassword, Duration timeout) throws IOException, InterruptedException {
		Path screenshots = this.root.resolve("e2e/target/screenshots");
		List<String> command = new ArrayList<>(List.of("node", "e2e/run.mjs"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.root.resolve("web").toFile())
			.redirectErrorStream(true);
		builder.environment().put("HUB_URL", gatewayUrl);
		builder.environment().put("HUB_ADMIN_PASSWORD", adminPassword);
		builder.environment().put("SCREENSHOT_DIR", screenshots.toString());
		builder.environment().put("CHROMIUM", CHROMIUM.toString());
		Path log = Files.createTempFile("web-e2e", ".log");
		builder.redirectOutput(log.toFile());
		Process process = builder.start();
		process.getOutputStream().close();
		boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (!finished) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		Files.deleteIfExists(log);
		System.out.println(output);
		if (!finished) {
			throw new AssertionError("the browser scenarios took longer than " + timeout + ":\n" + output);
		}
		if (process.exitValue() != 0) {
			throw new AssertionError("the browser scenarios failed (screenshots in " + screenshots + "):\n" + output);
		}
		return output;
	}

}
