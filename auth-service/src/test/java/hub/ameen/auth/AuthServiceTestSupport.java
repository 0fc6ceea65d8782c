package hub.ameen.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import hub.ameen.auth.key.SigningKeys;
import hub.ameen.auth.projection.Account;
import hub.ameen.auth.projection.Accounts;
import hub.ameen.auth.token.TokenResponse;
import hub.ameen.platform.security.Passwords;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.test.kafka.UsesKafka;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;

import static org.awaitility.Awaitility.await;

/**
 * The one Spring context of the HTTP tests: the whole service on a random port, its store
 * in a temporary directory shared by every test class in the JVM (so the context is
 * cached), the real Kafka broker, and fixtures that create users the way user-service
 * does — by publishing events.
 * <p>
 * Every request gets its own {@code X-Forwarded-For} address unless the test sets one, so
 * that the per-address login limit only bites where a test wants it to.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hub.events.listener.retry-interval=200ms", "hub.auth.login.attempts-per-address=10",
				// one attempt back every minute: a loaded machine must not refill the
				// bucket mid-test
				"hub.auth.login.address-window=10m" })
@UsesKafka
public abstract class AuthServiceTestSupport {

	/** What the default roles grant, as user-service defines them. */
	public static final Map<String, List<String>> ROLES = Map.of("admin", Permissions.all(), "manager",
			List.of(Permissions.CRM_READ, Permissions.CRM_WRITE, Permissions.TASKS_READ, Permissions.TASKS_WRITE,
					Permissions.SCHEDULER_READ, Permissions.SCHEDULER_WRITE, Permissions.NOTIFICATIONS_READ,
					Permissions.USERS_READ),
			"member", List.of(Permissions.CRM_READ, Permissions.TASKS_READ, Permissions.TASKS_WRITE,
					Permissions.SCHEDULER_READ, Permissions.SCHEDULER_WRITE, Permissions.NOTIFICATIONS_READ));

	protected static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final Path STORE_DIR = temporaryStore();

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	protected static final UserServiceEvents events = new UserServiceEvents();

	private static boolean rolesPublished;

	@LocalServerPort
	int port;

	@Autowired
	protected Accounts accounts;

	@Autowired
	protected SigningKeys keys;

	@Autowired
	protected Store store;

	protected WebTestClient client;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("hub.store.path", STORE_DIR::toString);
	}

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.filter((request,
					next) -> next.exchange((request.headers().getFirst("X-Forwarded-For") != null) ? request
							: ClientRequest.from(request).header("X-Forwarded-For", freshAddress()).build()))
			.build();
		publishRolesOnce();
	}

	/** A client address not used before in this JVM (IPv6 documentation range). */
	protected static String freshAddress() {
		return "2001:db8::" + Integer.toHexString(ADDRESSES.incrementAndGet());
	}

	/**
	 * Creates an active user with the roles, as user-service would (credential then user
	 * event), and waits until the projection has them with their permissions.
	 */
	protected TestUser createUser(String... roles) {
		String id = "u-" + UUID.randomUUID();
		TestUser user = new TestUser(id, id + "@Hub.Test", "pw-" + UUID.randomUUID());
		events.credential(id, Passwords.encoder().encode(user.password()));
		events.user("user.created", id, user.email(), "active", List.of(roles));
		awaitPermissions(user, permissionsOf(roles));
		return user;
	}

	/** Waits until a login of the user would carry exactly these permissions. */
	protected void awaitPermissions(TestUser user, Set<String> permissions) {
		await().atMost(PATIENCE)
			.until(() -> this.store.read((txn) -> this.accounts.findById(txn, user.id())
				.filter(Account::isActive)
				.filter((account) -> this.accounts.passwordHash(txn, user.id()).isPresent())
				.map((account) -> Set.copyOf(this.accounts.identity(txn, account).permissions()))
				.orElse(Set.of())
				.equals(permissions)));
	}

	/** Waits until the projection holds the user in a state the condition accepts. */
	protected void awaitAccount(String userId, Predicate<Account> condition) {
		await().atMost(PATIENCE).until(() -> this.accounts.findById(userId).filter(condition).isPresent());
	}

	/** Waits until the projection no longer holds the user. */
	protected void awaitNoAccount(String userId) {
		await().atMost(PATIENCE).until(() -> this.accounts.findById(userId).isEmpty());
	}

	protected static Set<String> permissionsOf(String... roles) {
		Set<String> permissions = new TreeSet<>();
		Stream.of(roles).forEach((role) -> permissions.addAll(ROLES.getOrDefault(role, List.of())));
		return permissions;
	}

	protected WebTestClient.ResponseSpec attemptLogin(String email, String password) {
		return this.client.post()
			.uri("/api/auth/login")
			.bodyValue(Map.of("email", email, "password", password))
			.exchange();
	}

	protected TokenResponse login(TestUser user) {
		return attemptLogin(user.email(), user.password()).expectStatus()
			.isOk()
			.expectBody(TokenResponse.class)
			.returnResult()
			.getResponseBody();
	}

	protected String bearer(TestUser user) {
		return "Bearer " + login(user).accessToken();
	}

	protected WebTestClient.ResponseSpec refresh(String refreshToken) {
		return this.client.post().uri("/api/auth/refresh").bodyValue(Map.of("refreshToken", refreshToken)).exchange();
	}

	protected WebTestClient.ResponseSpec getKeys(String authorization) {
		return this.client.get()
			.uri("/api/auth/keys")
			.headers((headers) -> setAuthorization(headers, authorization))
			.exchange();
	}

	protected static void setAuthorization(HttpHeaders headers, String authorization) {
		if (authorization != null) {
			headers.set(HttpHeaders.AUTHORIZATION, authorization);
		}
	}

	private static synchronized void publishRolesOnce() {
		if (!rolesPublished) {
			ROLES.forEach((name, permissions) -> events.role("role.created", name, permissions));
			rolesPublished = true;
		}
	}

	private static Path temporaryStore() {
		try {
			Path dir = Files.createTempDirectory("auth-service-tests-");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
			return dir.resolve("auth-service");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// best effort
		}
	}

	/**
	 * A user created through events, with the password only the test knows.
	 *
	 * @param id the user id
	 * @param email the email (mixed case on purpose: logins compare case-insensitively)
	 * @param password the password
	 */
	public record TestUser(String id, String email, String password) {

		@Override
		public String toString() {
			return "TestUser[id=" + this.id + ", email=" + this.email + "]";
		}

	}

}
