package hub.ameen.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files, checked as far as this machine allows without a Docker engine:
 * Compose validates the compose file, and Debian's Nginx accepts the edge configuration.
 * Where a tool is missing the test is skipped loudly (CI installs both).
 */
class DeploymentFilesTests {

	static final Path root = Path.of(System.getProperty("hub.root", "..")).toAbsolutePath().normalize();

	@TempDir
	Path temp;

	@Test
	void composeFileIsValid() throws Exception {
		requireTool("docker-compose");
		Run check = run(List.of("docker-compose", "-f", root.resolve("docker-compose.yml").toString(), "config", "-q"));
		assertThat(check.exitCode()).as(check.output()).isZero();
		String compose = Files.readString(root.resolve("docker-compose.yml"));
		for (String service : List.of("kafka", "auth-service", "user-service", "crm-service", "tasks-service",
				"scheduler-service", "notification-service", "gateway", "nginx")) {
			assertThat(compose).contains("\n  " + service + ":");
		}
	}

	@Test
	void nginxAcceptsTheEdgeConfiguration() throws Exception {
		requireTool("nginx");
		// the upstream names a Compose host; point it at loopback so nginx -t can resolve
		// it
		String site = Files.readString(root.resolve("deploy/nginx/hub.conf")).replace("gateway:8080", "127.0.0.1:8080");
		Files.writeString(this.temp.resolve("hub.conf"), site);
		Files.writeString(this.temp.resolve("nginx.conf"), """
				pid %1$s/nginx.pid;
				error_log %1$s/error.log;
				events {}
				http {
				    access_log off;
				    client_body_temp_path %1$s;
				    proxy_temp_path %1$s;
				    include %1$s/hub.conf;
				}
				""".formatted(this.temp));
		Run check = run(
				List.of("nginx", "-t", "-p", this.temp.toString(), "-c", this.temp.resolve("nginx.conf").toString()));
		assertThat(check.exitCode()).as(check.output()).isZero();
		assertThat(site).contains("proxy_buffering off");
	}

	private static void requireTool(String tool) throws Exception {
		boolean present = run(List.of("sh", "-c", "command -v " + tool)).exitCode() == 0;
		if (!present) {
			String message = "\n*** SKIPPED: " + tool + " is not installed (bash .ci/run installs it)\n";
			System.err.println(message);
			Assumptions.abort(message);
		}
	}

	record Run(int exitCode, String output) {
	}

	private static Run run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		return new Run(process.exitValue(), output);
	}

}
