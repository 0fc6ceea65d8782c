package hub.ameen.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files, checked as far as this machine allows without a Docker engine:
 * Compose validates the compose file, and Debian's Nginx accepts the edge configuration
 * as production renders it. Where a tool is missing the test is skipped loudly (CI
 * installs both).
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
	@SuppressWarnings("unchecked")
	void composeStartsEveryPartHealthyAndNonRootOnAnInternalNetworkPublishingOnly80And443() throws Exception {
		requireTool("docker-compose");
		Run config = run(List.of("docker-compose", "-f", root.resolve("docker-compose.yml").toString(), "config"));
		assertThat(config.exitCode()).as(config.output()).isZero();
		Map<String, Object> compose = (Map<String, Object>) Tools.yamlDocuments(config.output()).get(0);
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
		assertThat(services).containsKeys("kafka", "nginx", "certbot", "prometheus", "blackbox-exporter", "grafana",
				"loki", "alloy", "tempo");
		for (String name : Hub.SERVICES) {
			Map<String, Object> service = services.get(name);
			assertThat(service).as(name).containsKey("healthcheck");
			assertThat(service.get("user")).as(name + " user").isEqualTo("10001:10001");
			assertThat(service.get("ports")).as(name + " publishes nothing").isNull();
			assertThat((Map<String, Object>) service.get("networks")).as(name + " networks")
				.containsOnlyKeys("internal");
			((Map<String, Map<String, Object>>) service.get("depends_on"))
				.forEach((dependency, condition) -> assertThat(condition).as(name + " waits for " + dependency)
					.containsEntry("condition", "service_healthy"));
			if (!name.equals("gateway")) {
				assertThat(String.valueOf(service.get("volumes"))).as(name + " keeps its store on a named volume")
					.contains(name.replace("-service", "-data") + ":/data");
			}
		}
		assertThat(services.get("gateway").get("depends_on").toString()).contains("auth-service",
				"notification-service");
		assertThat(services.get("gateway").get("healthcheck").toString()).contains("9080");
		services.forEach((name, service) -> {
			if (!name.equals("nginx")) {
				assertThat(service.get("ports")).as(name + " publishes no port").isNull();
			}
			if (!List.of("nginx", "certbot").contains(name)) {
				assertThat(service.get("user")).as(name + " runs as a user").isNotNull();
				assertThat(String.valueOf(service.get("user"))).as(name + " is not root").doesNotStartWith("0");
			}
		});
		assertThat(services.get("nginx").get("ports").toString()).contains("80").contains("443");
		assertThat(((List<Object>) services.get("nginx").get("ports"))).hasSize(2);
		Map<String, Map<String, Object>> networks = (Map<String, Map<String, Object>>) compose.get("networks");
		assertThat(networks.get("internal")).containsEntry("internal", true);
		assertThat((Map<String, Object>) compose.get("volumes")).containsKeys("kafka-data", "auth-data", "user-data",
				"crm-data", "tasks-data", "scheduler-data", "notification-data", "prometheus-data", "grafana-data",
				"loki-data", "tempo-data");
	}

	@Test
	void nginxAcceptsTheEdgeConfiguration() throws Exception {
		requireTool("nginx");
		requireTool("openssl");
		Path tls = Files.createDirectories(this.temp.resolve("letsencrypt/live/hub.example.com"));
		Run cert = run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
				"-nodes", "-days", "1", "-subj", "/CN=hub.example.com", "-keyout",
				tls.resolve("privkey.pem").toString(), "-out", tls.resolve("fullchain.pem").toString()));
		assertThat(cert.exitCode()).as(cert.output()).isZero();
		Files.copy(tls.resolve("fullchain.pem"), tls.resolve("chain.pem"));
		Path logs = Files.createDirectories(this.temp.resolve("logs"));
		// the values docker-compose gives the nginx image's envsubst, but with this
		// machine's paths; the upstream names a Compose host, so loopback stands in for
		// it
		Map<String, String> production = new LinkedHashMap<>();
		production.put("HUB_EDGE_SERVER_NAME", "hub.example.com");
		production.put("HUB_EDGE_HTTP_PORT", "80");
		production.put("HUB_EDGE_HTTPS_PORT", "443");
		production.put("HUB_EDGE_HTTPS_SUFFIX", "");
		production.put("HUB_EDGE_UPSTREAM", "127.0.0.1:8080");
		production.put("HUB_EDGE_CERT", tls.resolve("fullchain.pem").toString());
		production.put("HUB_EDGE_CERT_KEY", tls.resolve("privkey.pem").toString());
		production.put("HUB_EDGE_CERT_CHAIN", tls.resolve("chain.pem").toString());
		production.put("HUB_EDGE_OCSP_STAPLING", "on");
		production.put("HUB_EDGE_RESOLVER", "127.0.0.11");
		production.put("HUB_EDGE_WEB_ROOT", "/srv/hub-web");
		production.put("HUB_EDGE_ACME_ROOT", "/var/www/certbot");
		production.put("HUB_EDGE_LOG_DIR", logs.toString());
		production.put("HUB_EDGE_CONF_DIR", root.resolve("deploy/nginx").toString());
		String site = render(Files.readString(root.resolve("deploy/nginx/hub.conf.template")), production);
		Files.writeString(this.temp.resolve("hub.conf"), site);
		// the nginx image's own nginx.conf, which includes conf.d/*.conf: the site must
		// not repeat what it sets
		Files.writeString(this.temp.resolve("nginx.conf"), """
				pid %1$s/nginx.pid;
				error_log %1$s/error.log notice;
				events {}
				http {
				    include /etc/nginx/mime.types;
				    default_type application/octet-stream;
				    log_format main '$remote_addr - $remote_user [$time_local] "$request" $status';
				    access_log %1$s/access.log main;
				    sendfile on;
				    keepalive_timeout 65;
				    client_body_temp_path %1$s;
				    proxy_temp_path %1$s;
				    include %1$s/hub.conf;
				}
				""".formatted(this.temp));
		Run check = run(List.of("nginx", "-t", "-p", this.temp + "/", "-e", this.temp.resolve("error.log").toString(),
				"-c", this.temp.resolve("nginx.conf").toString()));
		assertThat(check.exitCode()).as(check.output()).isZero();
		assertThat(site).contains("ssl_stapling on;", "ssl_protocols TLSv1.2 TLSv1.3;", "proxy_buffering off",
				"server_name hub.example.com;", "listen 443 ssl", "return 301 https://$host$request_uri;");
		assertThat(Files.readString(root.resolve("deploy/nginx/snippets/proxy.conf")))
			.as("the client's own X-Forwarded-For is overwritten, never appended to")
			.contains("proxy_set_header X-Forwarded-For $remote_addr;")
			.doesNotContain("$proxy_add_x_forwarded_for");
	}

	/** What envsubst does with the defined variables: ${NAME} becomes its value. */
	private static String render(String template, Map<String, String> values) {
		String rendered = template;
		for (Map.Entry<String, String> value : values.entrySet()) {
			rendered = rendered.replace("${" + value.getKey() + "}", value.getValue());
		}
		assertThat(Pattern.compile("\\$\\{HUB_EDGE_[A-Z_]+}").matcher(rendered).find())
			.as("every ${HUB_EDGE_*} value is given")
			.isFalse();
		return rendered;
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
