package hub.ameen.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/hub-deploy.sh}, as far as it runs without a container engine: shellcheck
 * finds nothing, every command explains itself with {@code --help}, setup and secrets
 * write into a deployment directory readable only by its owner, and bad input writes
 * nothing.
 */
class DeployScriptTests {

	static final Path script = Tools.root.resolve("deploy/hub-deploy.sh");

	static final List<String> COMMANDS = List.of("setup", "secrets", "ssl", "build", "start", "init", "logs", "status",
			"backup", "restore");

	@TempDir
	Path temp;

	@Test
	void shellcheckFindsNothingInTheDeployScriptsAndHub() {
		Tools.require("shellcheck");
		Tools.Run check = Tools.run(Tools.root,
				List.of("shellcheck", "deploy/hub-deploy.sh", "deploy/prometheus/local.sh", "hub"));
		assertThat(check.exitCode()).as(check.output()).isZero();
	}

	@Test
	void everyCommandExplainsItselfWithHelpAndAnUnknownOneIsRefused() {
		for (String command : COMMANDS) {
			Tools.Run help = deploy(command, "--help");
			assertThat(help.exitCode()).as(command + " --help: " + help.output()).isZero();
			assertThat(help.output()).as(command + " --help").startsWith("usage: deploy/hub-deploy.sh " + command);
		}
		Tools.Run overview = deploy("--help");
		assertThat(overview.exitCode()).isZero();
		COMMANDS.forEach((command) -> assertThat(overview.output()).contains("\n  " + command + " "));
		assertThat(deploy("deploy-everything").exitCode()).isEqualTo(2);
	}

	@Test
	void setupWritesAnEnvFileOnlyTheOwnerReadsAndKeepsItUnlessForced() throws Exception {
		Tools.Run setup = deploy("--dir", this.temp.toString(), "setup", "--domain", "hub.example.com", "--email",
				"ops@example.com");
		assertThat(setup.exitCode()).as(setup.output()).isZero();
		Path env = this.temp.resolve(".env");
		assertThat(Files.readAllLines(env)).contains("HUB_DOMAIN=hub.example.com", "LETSENCRYPT_EMAIL=ops@example.com",
				"HUB_ADMIN_EMAIL=admin@hub.example.com");
		assertThat(permissions(env)).isEqualTo("rw-------");

		Tools.Run again = deploy("--dir", this.temp.toString(), "setup", "--domain", "other.example.com", "--email",
				"ops@example.com");
		assertThat(again.exitCode()).isNotZero();
		assertThat(again.output()).contains("--force");
		assertThat(Files.readString(env)).contains("HUB_DOMAIN=hub.example.com");

		Tools.Run forced = deploy("--dir", this.temp.toString(), "setup", "--domain", "other.example.com", "--email",
				"ops@example.com", "--force");
		assertThat(forced.exitCode()).as(forced.output()).isZero();
		assertThat(Files.readString(env)).contains("HUB_DOMAIN=other.example.com");
	}

	@Test
	void setupRefusesABadDomainOrEmailAndWritesNothing() {
		Path dir = this.temp.resolve("deployment");
		assertThat(deploy("--dir", dir.toString(), "setup", "--domain", "not a domain", "--email", "ops@example.com")
			.exitCode()).isNotZero();
		assertThat(
				deploy("--dir", dir.toString(), "setup", "--domain", "hub.example.com", "--email", "nobody").exitCode())
			.isNotZero();
		assertThat(dir.resolve(".env")).doesNotExist();
	}

	@Test
	void secretsAreGeneratedPrivateAndNeverReplaced() throws Exception {
		Tools.Run first = deploy("--dir", this.temp.toString(), "secrets");
		assertThat(first.exitCode()).as(first.output()).isZero();
		Path secrets = this.temp.resolve("secrets");
		assertThat(permissions(secrets)).isEqualTo("rwx------");
		for (String name : List.of("hub.admin.password", "grafana-admin-password")) {
			Path secret = secrets.resolve(name);
			assertThat(Files.readString(secret)).as(name).matches("[A-Za-z0-9]{32}");
			assertThat(permissions(secret)).as(name).isEqualTo("rw-------");
		}
		String admin = Files.readString(secrets.resolve("hub.admin.password"));
		assertThat(admin).isNotEqualTo(Files.readString(secrets.resolve("grafana-admin-password")));

		Tools.Run second = deploy("--dir", this.temp.toString(), "secrets");
		assertThat(second.exitCode()).as(second.output()).isZero();
		assertThat(Files.readString(secrets.resolve("hub.admin.password"))).as("kept").isEqualTo(admin);
	}

	@Test
	void commandsThatNeedTheEngineStopAtAMissingSetupWithAClearMessage() {
		Tools.Run start = deploy("--dir", this.temp.toString(), "status");
		assertThat(start.exitCode()).isNotZero();
		assertThat(start.output()).contains("run deploy/hub-deploy.sh setup first");
	}

	private Tools.Run deploy(String... args) {
		List<String> command = new java.util.ArrayList<>(List.of(script.toString()));
		command.addAll(List.of(args));
		return Tools.run(this.temp, command);
	}

	private static String permissions(Path path) throws Exception {
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
		return PosixFilePermissions.toString(permissions);
	}

}
