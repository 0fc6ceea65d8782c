package hub.ameen.user;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.user.role.Role;
import hub.ameen.user.role.RoleStore;
import hub.ameen.user.user.User;
import hub.ameen.user.user.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the real application twice on one data directory: the first start creates the
 * default roles and one admin with a generated password kept only for its owner; the
 * second creates nothing and keeps the password.
 */
class FirstRunBootstrapTests {

	@TempDir
	Path dir;

	@Test
	void firstStartCreatesRolesAndOneAdminAndRestartsChangeNothing() throws Exception {
		Path store = this.dir.resolve("user-service");
		Path passwordFile = store.resolve("admin-password");

		List<User> usersAfterFirst;
		try (ConfigurableApplicationContext first = start(store)) {
			usersAfterFirst = first.getBean(UserService.class).list(PageRequest.first(10), null).items();
			assertThat(first.getBean(RoleStore.class).all()).extracting(Role::name)
				.containsExactlyInAnyOrder("admin", "manager", "member");
		}
		String password = Files.readString(passwordFile).trim();
		assertThat(password).hasSizeGreaterThanOrEqualTo(16);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
		assertThat(usersAfterFirst).singleElement().satisfies((admin) -> {
			assertThat(admin.email()).isEqualTo("admin@hub.local");
			assertThat(admin.roles()).containsExactly("admin");
		});

		try (ConfigurableApplicationContext second = start(store)) {
			assertThat(second.getBean(UserService.class).list(PageRequest.first(10), null).items())
				.containsExactlyElementsOf(usersAfterFirst);
		}
		assertThat(Files.readString(passwordFile).trim()).isEqualTo(password);
	}

	private static ConfigurableApplicationContext start(Path store) {
		return new SpringApplicationBuilder(UserServiceApplication.class).web(WebApplicationType.NONE)
			.run("--hub.store.path=" + store, "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
					"--logging.level.org.apache.kafka=WARN");
	}

}
