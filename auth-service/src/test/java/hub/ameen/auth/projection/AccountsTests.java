package hub.ameen.auth.projection;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection on real LMDB: emails compared case-insensitively, permissions as the
 * union of roles, sessions ended by disabling and by a new password.
 */
class AccountsTests {

	@TempDir
	Path dir;

	Store store;

	ProjectionFixtures fixtures;

	Accounts accounts;

	final Instant now = Instant.parse("2026-11-22T10:00:00Z");

	@BeforeEach
	void open() {
		this.store = Store.open(StoreOptions.at(this.dir.resolve("auth")));
		this.fixtures = new ProjectionFixtures(this.store, JsonMapper.shared());
		this.accounts = this.fixtures.accounts();
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void emailsAreFoundWhateverTheirCase() {
		this.fixtures.user("u1", "Ada@Example.com", "active", List.of(), this.now);

		assertThat(this.accounts.findByEmail("  ada@EXAMPLE.com ")).map(Account::id).hasValue("u1");
		assertThat(this.accounts.findByEmail("")).isEmpty();
	}

	@Test
	void permissionsAreTheUnionOfTheRolesAndUnknownRolesGrantNothing() {
		this.fixtures.role("a", List.of("crm:read", "tasks:read"));
		this.fixtures.role("b", List.of("tasks:read", "tasks:write"));
		this.fixtures.user("u1", "u1@example.com", "active", List.of("a", "b", "ghost"), this.now);

		Identity identity = this.store
			.read((txn) -> this.accounts.identity(txn, this.accounts.findById(txn, "u1").get()));

		assertThat(identity.permissions()).containsExactly("crm:read", "tasks:read", "tasks:write");
		assertThat(identity.roles()).containsExactly("a", "b", "ghost");
	}

	@Test
	void anEmailTakenOverByAnotherUserMovesToThem() {
		this.fixtures.user("u1", "shared@example.com", "active", List.of(), this.now);
		this.fixtures.user("u2", "SHARED@example.com", "active", List.of(), this.now);

		assertThat(this.accounts.findByEmail("shared@example.com")).map(Account::id).hasValue("u2");
		assertThat(this.accounts.findById("u1")).map(Account::email).isEmpty();
	}

	@Test
	void disablingAndNewPasswordsEndEarlierLogins() {
		this.fixtures.user("u1", "u1@example.com", "active", List.of(), this.now);
		Instant earlierLogin = this.now.plusSeconds(10);
		assertThat(this.accounts.findById("u1").get().acceptsLoginAt(earlierLogin)).isTrue();

		this.fixtures.user("u1", "u1@example.com", "disabled", List.of(), this.now.plusSeconds(20));
		this.fixtures.user("u1", "u1@example.com", "active", List.of(), this.now.plusSeconds(30));
		assertThat(this.accounts.findById("u1").get().acceptsLoginAt(earlierLogin)).isFalse();
		assertThat(this.accounts.findById("u1").get().acceptsLoginAt(this.now.plusSeconds(40))).isTrue();

		this.fixtures.password("u1", "{argon2}hash", this.now.plusSeconds(50));
		assertThat(this.accounts.findById("u1").get().acceptsLoginAt(this.now.plusSeconds(40))).isFalse();
		assertThat(hashOf("u1")).hasValue("{argon2}hash");
	}

	@Test
	void aCredentialArrivingBeforeItsUserIsKept() {
		this.fixtures.password("u9", "{argon2}early", this.now);
		this.fixtures.user("u9", "u9@example.com", "active", List.of(), this.now.plusSeconds(1));

		assertThat(hashOf("u9")).hasValue("{argon2}early");
		assertThat(this.accounts.findById("u9").get().acceptsLoginAt(this.now.plusSeconds(2))).isTrue();
	}

	private java.util.Optional<String> hashOf(String id) {
		return this.store.read((txn) -> this.accounts.passwordHash(txn, id));
	}

}
