package hub.ameen.user;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import hub.ameen.platform.events.EventEnvelope;
import hub.ameen.platform.security.Passwords;
import hub.ameen.platform.test.kafka.TopicReader;
import hub.ameen.platform.events.Topics;
import hub.ameen.user.credential.CredentialSet;
import hub.ameen.user.directory.User;
import hub.ameen.user.directory.UserPayload;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users API: what an admin and a user can do, the problems bad input gets, and the
 * events each change publishes on the real broker.
 */
class UserApiTests extends UserServiceTestSupport {

	static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void createdUserIsPublishedWithAHashOfItsPasswordAndNeverThePassword() {
		String body = this.client.post()
			.uri("/api/users")
			.header(HttpHeaders.AUTHORIZATION, adminBearer())
			.bodyValue(Map.of("email", "Nadia@Example.com", "displayName", "Nadia", "password", "correct horse battery",
					"roles", List.of("member"), "timeZone", "Asia/Riyadh"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches(HttpHeaders.LOCATION, "/api/users/[0-9A-Z]{26}")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		User created = json.readValue(body, User.class);

		assertThat(body).doesNotContain("correct horse battery").doesNotContainIgnoringCase("password");
		assertThat(created.roles()).containsExactly("member");
		assertThat(created.timeZone()).isEqualTo("Asia/Riyadh");
		assertThat(created.status()).isEqualTo(User.Status.active);

		EventEnvelope userCreated = eventFor(Topics.USER, created.id(), UserPayload.CREATED.name());
		assertThat(userCreated.payload().get("email").asString()).isEqualTo("Nadia@Example.com");
		assertThat(userCreated.actorId()).isEqualTo("the-admin");

		EventEnvelope credential = eventFor(Topics.CREDENTIAL, created.id(), CredentialSet.SET.name());
		String hash = credential.payload().get("passwordHash").asString();
		assertThat(hash).startsWith("{argon2}").doesNotContain("correct horse battery");
		assertThat(Passwords.encoder().matches("correct horse battery", hash)).isTrue();
	}

	@Test
	void pathsWhereAUserIdCouldBeTakenForTheRolesSegmentGoToTheRoles() {
		// /api/users/{id}/roles and /api/users/roles/{name} both matched these (a 500)
		for (String path : List.of("/api/users/roles/roles", "/api/users/roles/avatar")) {
			this.client.put()
				.uri(path)
				.header(HttpHeaders.AUTHORIZATION, adminBearer())
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.bodyValue("{\"roles\":[\"member\"]}")
				.exchange()
				.expectStatus()
				.value((status) -> assertThat(status).as(path).isBetween(400, 499));
		}
	}

	@Test
	void emailsAreUniqueRegardlessOfCase() {
		User first = createUser("member");
		this.client.post()
			.uri("/api/users")
			.header(HttpHeaders.AUTHORIZATION, adminBearer())
			.bodyValue(Map.of("email", first.email().toUpperCase(), "displayName", "Copy", "password",
					"another long password", "roles", List.of("member")))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://hub.ameen/problems/conflict");
	}

	@Test
	void badInputGetsAProblemAndCreatesNothing() {
		long before = this.users.list(hub.ameen.platform.store.PageRequest.first(200), "bad-input").items().size();
		record Case(Map<String, Object> body, String type) {
		}
		List<Case> cases = List.of(
				new Case(Map.of("email", "not-an-email", "displayName", "X", "password", "long enough password",
						"roles", List.of("member")), "validation"),
				new Case(Map.of("email", "bad-input@x.test", "displayName", "X", "password", "short", "roles",
						List.of("member")), "bad-request"),
				new Case(Map.of("email", "bad-input@x.test", "displayName", "X", "password", "bad-input@x.test",
						"roles", List.of("member")), "bad-request"),
				new Case(Map.of("email", "bad-input@x.test", "displayName", "X", "password", "long enough password",
						"roles", List.of("wizard")), "bad-request"),
				new Case(Map.of("email", "bad-input@x.test", "displayName", "X", "password", "long enough password",
						"roles", List.of("member"), "timeZone", "Mars/Olympus"), "validation"));
		for (Case c : cases) {
			this.client.post()
				.uri("/api/users")
				.header(HttpHeaders.AUTHORIZATION, adminBearer())
				.bodyValue(c.body())
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://hub.ameen/problems/" + c.type());
		}
		this.client.post()
			.uri("/api/users")
			.header(HttpHeaders.AUTHORIZATION, adminBearer())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\": ")
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(this.users.list(hub.ameen.platform.store.PageRequest.first(200), "bad-input").items())
			.hasSize((int) before);
	}

	@Test
	void anEmptyOrOverlongEmailOrIdIsABadRequestNamingTheFieldNeverA500() {
		User user = createUser("member");
		// 300 characters, 900 bytes in UTF-8: more than a store key holds
		String longUtf8 = "\u4e2d".repeat(100) + "@" + "\u4e2d".repeat(195) + ".com";
		for (String email : List.of("", "   ", longUtf8)) {
			this.client.patch()
				.uri("/api/users/" + user.id())
				.header(HttpHeaders.AUTHORIZATION, adminBearer())
				.bodyValue(Map.of("email", email))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("email");
		}
		this.client.get()
			.uri("/api/users/" + "x".repeat(600))
			.header(HttpHeaders.AUTHORIZATION, adminBearer())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("id");
		assertThat(this.users.get(user.id()).block().email()).isEqualTo(user.email());
	}

	@Test
	void meIsTheCallersOwnProfileAndTheyMayChangeItButNotTheirEmail() {
		User user = createUser("member");
		String token = bearer(user.id(), "notifications:read");
		this.client.get()
			.uri("/api/users/me")
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo(user.email());

		this.client.patch()
			.uri("/api/users/me")
			.header(HttpHeaders.AUTHORIZATION, token)
			.bodyValue(Map.of("displayName", "New Name", "locale", "ar-SA"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.displayName")
			.isEqualTo("New Name");
		this.client.patch()
			.uri("/api/users/me")
			.header(HttpHeaders.AUTHORIZATION, token)
			.bodyValue(Map.of("email", "other@x.test"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(eventFor(Topics.USER, user.id(), UserPayload.UPDATED.name()).payload().get("displayName").asString())
			.isEqualTo("New Name");
	}

	@Test
	void disablingEnablingAndRoleChangesAreEachPublished() {
		User user = createUser("member");
		post("/api/users/" + user.id() + "/disable").expectBody().jsonPath("$.status").isEqualTo("disabled");
		post("/api/users/" + user.id() + "/enable").expectBody().jsonPath("$.status").isEqualTo("active");
		this.client.put()
			.uri("/api/users/" + user.id() + "/roles")
			.header(HttpHeaders.AUTHORIZATION, adminBearer())
			.bodyValue(Map.of("roles", List.of("manager")))
			.exchange()
			.expectStatus()
			.isOk();

		List<String> types = events(Topics.USER, user.id(), 4).stream()
			.map(EventEnvelope::type)
			.collect(Collectors.toList());
		assertThat(types).containsExactly(UserPayload.CREATED.name(), UserPayload.DISABLED.name(),
				UserPayload.ENABLED.name(), UserPayload.ROLES_CHANGED.name());
		assertThat(eventFor(Topics.USER, user.id(), UserPayload.ROLES_CHANGED.name()).payload()
			.get("roles")
			.get(0)
			.asString()).isEqualTo("manager");
	}

	@Test
	void anAdminCannotDisableOrDeleteThemselves() {
		User admin = createUser("admin");
		String token = bearer(admin.id(), "users:admin", "users:read");
		this.client.post()
			.uri("/api/users/" + admin.id() + "/disable")
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		this.client.delete()
			.uri("/api/users/" + admin.id())
			.header(HttpHeaders.AUTHORIZATION, token)
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

	@Test
	void deletedUserIsGoneAndPublished() {
		User user = createUser("member");
		this.client.delete()
			.uri("/api/users/" + user.id())
			.header(HttpHeaders.AUTHORIZATION, adminBearer())
			.exchange()
			.expectStatus()
			.isNoContent();
		this.client.get()
			.uri("/api/users/" + user.id())
			.header(HttpHeaders.AUTHORIZATION, adminBearer())
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(eventFor(Topics.USER, user.id(), UserPayload.DELETED.name()).key()).isEqualTo(user.id());
	}

	@Test
	void listSearchesByNameOrEmailAndPages() {
		User a = createUser("member");
		createUser("member");
		this.client.get()
			.uri("/api/users?q=" + a.email().substring(0, 10).toUpperCase())
			.header(HttpHeaders.AUTHORIZATION, managerBearer())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(1)
			.jsonPath("$.items[0].id")
			.isEqualTo(a.id());
		this.client.get()
			.uri("/api/users?limit=1")
			.header(HttpHeaders.AUTHORIZATION, managerBearer())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items.length()")
			.isEqualTo(1)
			.jsonPath("$.nextCursor")
			.isNotEmpty();
		this.client.get()
			.uri("/api/users?cursor=%25%25")
			.header(HttpHeaders.AUTHORIZATION, managerBearer())
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void customRolesNeedKnownPermissionsAndBuiltInRolesCannotChange() {
		this.client.post()
			.uri("/api/users/roles")
			.header(HttpHeaders.AUTHORIZATION, adminBearer())
			.bodyValue(Map.of("name", "sales", "description", "Sales team", "permissions",
					List.of("crm:read", "crm:write")))
			.exchange()
			.expectStatus()
			.isCreated();
		this.client.post()
			.uri("/api/users/roles")
			.header(HttpHeaders.AUTHORIZATION, adminBearer())
			.bodyValue(Map.of("name", "wizards", "permissions", List.of("magic:cast")))
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.client.post()
			.uri("/api/users/roles")
			.header(HttpHeaders.AUTHORIZATION, adminBearer())
			.bodyValue(Map.of("name", "sales", "permissions", List.of("tasks:read")))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		this.client.put()
			.uri("/api/users/roles/nobody-has-this")
			.header(HttpHeaders.AUTHORIZATION, adminBearer())
			.bodyValue(Map.of("name", "nobody-has-this", "permissions", List.of("crm:read")))
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.put()
			.uri("/api/users/roles/admin")
			.header(HttpHeaders.AUTHORIZATION, adminBearer())
			.bodyValue(Map.of("name", "admin", "permissions", List.of("crm:read")))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		this.client.get()
			.uri("/api/users/roles")
			.header(HttpHeaders.AUTHORIZATION, managerBearer())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.name == 'sales')].permissions[0]")
			.isEqualTo("crm:read");
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String path) {
		return this.client.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, adminBearer())
			.exchange()
			.expectStatus()
			.isOk();
	}

	static EventEnvelope eventFor(String topic, String key, String type) {
		try (TopicReader reader = new TopicReader(topic)) {
			List<ConsumerRecord<String, byte[]>> records = reader
				.awaitUntil((all) -> all.stream().anyMatch((r) -> key.equals(r.key()) && type.equals(typeOf(r))));
			return records.stream()
				.filter((r) -> key.equals(r.key()) && type.equals(typeOf(r)))
				.map((r) -> json.readValue(r.value(), EventEnvelope.class))
				.reduce((first, second) -> second)
				.orElseThrow();
		}
	}

	static List<EventEnvelope> events(String topic, String key, int count) {
		try (TopicReader reader = new TopicReader(topic)) {
			return reader.awaitUntil((all) -> all.stream().filter((r) -> key.equals(r.key())).count() >= count)
				.stream()
				.filter((r) -> key.equals(r.key()))
				.map((r) -> json.readValue(r.value(), EventEnvelope.class))
				.toList();
		}
	}

	private static String typeOf(ConsumerRecord<String, byte[]> record) {
		return json.readTree(record.value()).get("type").asString();
	}

}
