package hub.ameen.auth.token;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import hub.ameen.platform.test.MutableClock;
import hub.ameen.auth.config.AuthProperties;
import hub.ameen.auth.projection.Account;
import hub.ameen.auth.projection.Identity;
import hub.ameen.auth.projection.ProjectionFixtures;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh token families on real LMDB, with a clock the test moves: absolute lifetime,
 * reuse detection, revocation, and what is stored.
 */
class RefreshTokensTests {

	@TempDir
	Path dir;

	Store store;

	ProjectionFixtures projection;

	RefreshTokens tokens;

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	@BeforeEach
	void open() {
		this.store = Store.open(StoreOptions.at(this.dir.resolve("auth")));
		this.projection = new ProjectionFixtures(this.store, JsonMapper.shared());
		AuthProperties properties = new AuthProperties(
				new AuthProperties.Tokens(Duration.ofMinutes(10), Duration.ofDays(30)),
				new AuthProperties.Keys(Duration.ofDays(90), Duration.ofHours(1)),
				new AuthProperties.Login(5, Duration.ofMinutes(15), 10, Duration.ofMinutes(1)));
		this.tokens = new RefreshTokens(this.store, this.projection.accounts(), JsonMapper.shared(), properties,
				this.clock, new Outbox(this.store));
		this.projection.role("member", List.of("tasks:read"));
		this.projection.user("u1", "u1@example.com", "active", List.of("member"), this.clock.instant());
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	@Test
	void rotationNeverOutlivesTheLoginsAbsoluteLifetime() {
		String token = start();
		for (int day = 1; day < 30; day++) {
			this.clock.advance(Duration.ofDays(1));
			String next = this.tokens.newToken();
			assertThat(rotate(token, next)).as("day %d", day).isPresent();
			token = next;
		}

		this.clock.advance(Duration.ofDays(1));

		assertThat(rotate(token, this.tokens.newToken())).isEmpty();
	}

	@Test
	void rotatedIdentityCarriesTheCurrentPermissions() {
		String token = start();
		this.projection.role("member", List.of("tasks:read", "tasks:write"));

		Optional<Identity> identity = rotate(token, this.tokens.newToken());

		assertThat(identity).map(Identity::permissions).hasValue(List.of("tasks:read", "tasks:write"));
	}

	@Test
	void aSpentTokenRevokesItsFamilyIncludingTheSuccessor() {
		String first = start();
		String second = this.tokens.newToken();
		assertThat(rotate(first, second)).isPresent();

		assertThat(rotate(first, this.tokens.newToken())).isEmpty();

		assertThat(rotate(second, this.tokens.newToken())).isEmpty();
	}

	@Test
	void revokingAFamilyByAnyOfItsTokensEndsIt() {
		String first = start();
		String second = this.tokens.newToken();
		rotate(first, second);

		this.store.writeAndWait((txn) -> {
			this.tokens.revokeFamilyOf(txn, RefreshTokens.hash(first));
			return null;
		});

		assertThat(rotate(second, this.tokens.newToken())).isEmpty();
	}

	@Test
	void aNewPasswordEndsEarlierFamiliesOnly() {
		String before = start();
		this.clock.advance(Duration.ofSeconds(1));
		this.projection.password("u1", "{argon2}new", this.clock.instant());
		this.clock.advance(Duration.ofSeconds(1));
		String after = start();

		assertThat(rotate(before, this.tokens.newToken())).isEmpty();
		assertThat(rotate(after, this.tokens.newToken())).isPresent();
	}

	@Test
	void onlyHashesAreStored() {
		String token = start();
		List<String> keys = new ArrayList<>();
		this.store.read((txn) -> {
			this.store
				.collection("auth.refresh-tokens", Codec.utf8(),
						Codec.json(JsonMapper.shared(), RefreshTokens.Token.class))
				.forEach(txn, null, (key, value) -> keys.add(key));
			return null;
		});

		assertThat(keys).containsExactly(RefreshTokens.hash(token)).doesNotContain(token);
	}

	@Test
	void pruningDeletesDeadFamiliesAndTheirTokensAndKeepsLiveOnes() {
		String revoked = start();
		rotate(revoked, this.tokens.newToken());
		rotate(revoked, this.tokens.newToken());
		String live = start();

		int deleted = this.tokens.prune();

		assertThat(deleted).isEqualTo(3);
		assertThat(rotate(live, this.tokens.newToken())).isPresent();
		this.clock.advance(Duration.ofDays(31));
		assertThat(this.tokens.prune()).isEqualTo(3);
	}

	private String start() {
		String token = this.tokens.newToken();
		Account account = this.projection.accounts().findById("u1").get();
		this.store
			.writeAndWait((txn) -> this.tokens.start(txn, account, RefreshTokens.hash(token), this.clock.instant()));
		return token;
	}

	private Optional<Identity> rotate(String presented, String next) {
		return this.store
			.writeAndWait((txn) -> this.tokens.rotate(txn, RefreshTokens.hash(presented), RefreshTokens.hash(next),
					this.clock.instant()))
			.map(Session::identity);
	}

}
