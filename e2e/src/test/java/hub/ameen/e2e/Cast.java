package hub.ameen.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The people the security suites act as, signed in through the gateway: the first-run
 * admin, a manager, a member who owns the resources under test, another member, and a
 * third member who is given work. Tokens are renewed with their refresh token (sign-ins
 * are rate limited), so the cast outlives the ten minutes of an access token.
 */
final class Cast {

	/** Who calls, in the order of {@link Endpoints.Endpoint#expect()}. */
	enum Actor {

		ANONYMOUS, OWNER, OTHER, MANAGER, ADMIN

	}

	static final String PASSWORD = "security-suite-password-1";

	/** The cast's client address (TEST-NET-2), so its sign-ins count on no one else's. */
	static final String ADDRESS = "198.51.100.10";

	private static final Duration RENEW_AFTER = Duration.ofMinutes(4);

	private final Api gateway;

	private static final String THIRD = "third";

	private final Map<String, Session> sessions = new HashMap<>();

	private String domain;

	Cast(Api gateway) {
		this.gateway = gateway;
	}

	/** Creates the cast's users as the admin and signs each of them in. */
	static Cast signIn(Api gateway, String adminPassword) {
		return signIn(gateway, adminPassword, "security.test");
	}

	/** As {@link #signIn(Api, String)}, with the cast's emails in the given domain. */
	static Cast signIn(Api gateway, String adminPassword, String domain) {
		Cast cast = new Cast(gateway);
		cast.domain = domain;
		cast.sessions.put(Actor.ADMIN.name(), cast.login("admin@hub.local", adminPassword));
		cast.sessions.put(Actor.OWNER.name(), cast.create("owner", "member"));
		cast.sessions.put(Actor.OTHER.name(), cast.create("other", "member"));
		cast.sessions.put(Actor.MANAGER.name(), cast.create("manager", "manager"));
		cast.sessions.put(THIRD, cast.create(THIRD, "member"));
		return cast;
	}

	private Session create(String name, String role) {
		String email = name + "@" + this.domain;
		Api.Response created = this.gateway.post("/api/users", token(Actor.ADMIN),
				Map.of("email", email, "displayName", "The " + name, "password", PASSWORD, "roles", List.of(role)));
		assertThat(created.status()).as("create " + email + ": " + created).isEqualTo(201);
		return login(email, PASSWORD);
	}

	private Session login(String email, String password) {
		Api.Response login = new IdentityScenario(this.gateway).login(email, password);
		String access = login.json().get("accessToken").asString();
		String id = this.gateway.get("/api/users/me", access).json().get("id").asString();
		return new Session(id, access, login.json().get("refreshToken").asString(), Instant.now());
	}

	/** A fresh enough access token of the actor; null for the anonymous caller. */
	String token(Actor actor) {
		return (actor != Actor.ANONYMOUS) ? token(actor.name()) : null;
	}

	private synchronized String token(String name) {
		Session session = this.sessions.get(name);
		if (session.signedInAt().plus(RENEW_AFTER).isBefore(Instant.now())) {
			Api.Response renewed = this.gateway.call(
					new Api.Call("POST", "/api/auth/refresh", null, "application/json",
							Api.json.writeValueAsBytes(Map.of("refreshToken", session.refresh()))),
					Duration.ofSeconds(10));
			if (renewed.status() != 200) {
				// e.g. auth-service restarting under the fault suite: the token in hand
				// is valid for minutes more, renew on the next call
				return session.access();
			}
			session = new Session(session.id(), renewed.json().get("accessToken").asString(),
					renewed.json().get("refreshToken").asString(), Instant.now());
			this.sessions.put(name, session);
		}
		return session.access();
	}

	String id(Actor actor) {
		return (actor == Actor.ANONYMOUS) ? "nobody" : this.sessions.get(actor.name()).id();
	}

	/** The email a member of the cast signs in with (with {@link #PASSWORD}). */
	String email(Actor member) {
		return member.name().toLowerCase(java.util.Locale.ROOT) + "@" + this.domain;
	}

	/** The member who is given the owner's tasks. */
	String thirdId() {
		return this.sessions.get(THIRD).id();
	}

	String thirdToken() {
		return token(THIRD);
	}

	Api gateway() {
		return this.gateway;
	}

	private record Session(String id, String access, String refresh, Instant signedInAt) {
	}

}
