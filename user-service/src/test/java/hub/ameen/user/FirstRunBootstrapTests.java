package hub.ameen.user;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;
import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.user.role.Role;
import hub.ameen.user.role.RoleStore;
import hub.ameen.user.directory.User;
import hub.ameen.user.directory.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

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

		// an older version's manager role, without the permissions this version grants it
		try (Store raw = Store.open(StoreOptions.at(store))) {
			var roles = raw.collection("roles", Codec.utf8(), Codec.json(JsonMapper.builder().build(), Role.class));
			raw.writeAndWait((txn) -> {
				roles.put(txn, "manager", new Role("manager", "old", Set.of("crm:read"), true));
				return null;
			});
		}

		try (ConfigurableApplicationContext second = start(store)) {
			assertThat(second.getBean(UserService.class).list(PageRequest.first(10), null).items())
				.containsExactlyElementsOf(usersAfterFirst);
			assertThat(second.getBean(RoleStore.class).all()).filteredOn((role) -> role.name().equals("manager"))
				.singleElement()
				.satisfies((manager) -> assertThat(manager.permissions()).contains("scheduler:manage", "crm:write"));
		}
		assertThat(Files.readString(passwordFile).trim()).isEqualTo(password);
	}

	private static ConfigurableApplicationContext start(Path store) {
		return new SpringApplicationBuilder(UserServiceApplication.class).web(WebApplicationType.NONE)
			.run("--hub.store.path=" + store, "--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
					"--logging.level.org.apache.kafka=WARN", "--hub.events.changelog.restore=false");
	}

}
