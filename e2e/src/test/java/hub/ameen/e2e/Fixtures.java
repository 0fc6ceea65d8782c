package hub.ameen.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import hub.ameen.e2e.Cast.Actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The resources the endpoint table's placeholders name, each owned as the rules need: the
 * owner's task (given to the third member), a task the manager gave the owner, the
 * owner's private event, an event the manager invited the owner to, the owner's contact,
 * company, deal and note (and another member's contact to merge into it), a spare user, a
 * custom role, the owner's first notification and the owner's comment on a task
 * ({@code ownComment}: the path below {@code /api/tasks/} that names it), a PNG the owner
 * attached to their deal, contact, company or task ({@code dealFile},
 * {@code contactFile}, {@code companyFile}, {@code taskFile}: the path below the list;
 * {@code dealFileId}, {@code taskFileId}: the file's id alone), a user with an avatar
 * ({@code avatarOf}: the owner, for the owner) and the manager's finished import. Shared
 * ones are made once; a fresh one is made for every call that may change or delete it.
 */
final class Fixtures {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	private final Cast cast;

	private final Api gateway;

	private final Map<String, String> shared = new ConcurrentHashMap<>();

	private final Instant future = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);

	Fixtures(Cast cast) {
		this.cast = cast;
		this.gateway = cast.gateway();
	}

	/**
	 * The templates (path, body) of one call with every placeholder filled for this
	 * caller, the same value for the same placeholder; {@code bound} keeps the values.
	 */
	List<String> resolve(Actor caller, boolean fresh, Map<String, String> bound, String... templates) {
		return java.util.Arrays.stream(templates).map((template) -> {
			if (template == null) {
				return null;
			}
			Matcher matcher = PLACEHOLDER.matcher(template);
			StringBuilder resolved = new StringBuilder();
			while (matcher.find()) {
				String value = bound.computeIfAbsent(matcher.group(1), (name) -> value(name, caller, fresh));
				matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
			}
			return matcher.appendTail(resolved).toString();
		}).toList();
	}

	/** The value of one placeholder, e.g. {@code task} or {@code ownerId}. */
	String value(String name, Actor caller, boolean fresh) {
		return switch (name) {
			case "uniq" -> UUID.randomUUID().toString().substring(0, 8);
			case "callerId" -> this.cast.id(caller);
			case "ownerId" -> this.cast.id(Actor.OWNER);
			case "thirdId" -> this.cast.thirdId();
			case "contactRef" -> resource("linkedContact", false);
			case "future", "from" -> this.future.toString();
			case "futureEnd" -> this.future.plus(Duration.ofMinutes(30)).toString();
			case "to" -> this.future.plus(Duration.ofDays(1)).toString();
			case "user" -> (caller == Actor.OWNER) ? this.cast.id(Actor.OWNER) : resource(name, fresh);
			case "avatarOf" -> (caller == Actor.OWNER) ? withAvatar(Actor.OWNER, this.cast.id(Actor.OWNER))
					: withAvatar(Actor.ADMIN, spareUser());
			default -> resource(name, fresh);
		};
	}

	private String resource(String name, boolean fresh) {
		return fresh ? create(name) : this.shared.computeIfAbsent(name, this::create);
	}

	private String create(String name) {
		return switch (name) {
			case "task" ->
				id(Actor.OWNER, "/api/tasks", Map.of("title", "Owner's task", "assigneeId", this.cast.thirdId()));
			case "assignedTask" -> id(Actor.MANAGER, "/api/tasks",
					Map.of("title", "For the owner", "assigneeId", this.cast.id(Actor.OWNER)));
			case "event" -> id(Actor.OWNER, "/api/scheduler/events", event("Owner's private meeting", List.of()));
			case "attendedEvent" -> id(Actor.MANAGER, "/api/scheduler/events",
					event("Manager's meeting with the owner", List.of(this.cast.id(Actor.OWNER))));
			case "contact" -> id(Actor.OWNER, "/api/crm/contacts", Map.of("firstName", "Grace", "lastName", "Hopper"));
			// what tasks link to: a contact no check deletes
			case "linkedContact" ->
				id(Actor.ADMIN, "/api/crm/contacts", Map.of("firstName", "Linked", "lastName", "Contact"));
			case "duplicateContact" ->
				id(Actor.OTHER, "/api/crm/contacts", Map.of("firstName", "Grace", "lastName", "Hopper (again)"));
			case "company" ->
				id(Actor.OWNER, "/api/crm/companies", Map.of("name", "Owner's company " + UUID.randomUUID()));
			case "deal" -> id(Actor.OWNER, "/api/crm/deals",
					Map.of("title", "Owner's deal", "amount", Map.of("value", "5000", "currency", "SAR")));
			case "activity" -> id(Actor.OWNER, "/api/crm/activities",
					Map.of("type", "note", "subject", "Owner's note", "contactId", create("contact")));
			case "user" ->
				knownToAuth(id(Actor.ADMIN, "/api/users", Map.of("email", "spare-" + UUID.randomUUID() + "@hub.test",
						"displayName", "Spare", "password", Cast.PASSWORD, "roles", List.of("member"))));
			case "role" -> {
				String role = "suite-" + UUID.randomUUID().toString().substring(0, 8);
				id(Actor.ADMIN, "/api/users/roles", Map.of("name", role, "permissions", List.of("crm:read")));
				yield role;
			}
			case "dealFile" -> attached(create("deal"), "/api/crm/deals/");
			case "contactFile" -> attached(create("contact"), "/api/crm/contacts/");
			case "companyFile" -> attached(create("company"), "/api/crm/companies/");
			case "taskFile" -> attached(create("task"), "/api/tasks/");
			// a file by its id alone (the path's last segment)
			case "dealFileId" -> fileId(create("dealFile"));
			case "taskFileId" -> fileId(create("taskFile"));
			case "import" -> finishedImport();
			case "notification" -> ownersFirstNotification();
			case "ownComment" -> {
				String task = create("task");
				yield task + "/comments/"
						+ id(Actor.OWNER, "/api/tasks/" + task + "/comments", Map.of("body", "The owner's comment"));
			}
			default -> throw new IllegalArgumentException("no fixture for {" + name + "}");
		};
	}

	/** {@code record/attachments/file}: a PNG the owner attached to the record. */
	private String attached(String record, String path) {
		Api.Response file = this.gateway.upload("POST", path + record + "/attachments", this.cast.token(Actor.OWNER),
				Samples.pngForm("fixture.png", record.hashCode()));
		assertThat(file.status()).as("fixture file on " + path + record + ": " + file).isEqualTo(201);
		return record + "/attachments/" + file.json().path("id").asString();
	}

	private static String fileId(String attached) {
		return attached.substring(attached.lastIndexOf('/') + 1);
	}

	/** The user, once the actor has given them an avatar. */
	private String withAvatar(Actor actor, String user) {
		Api.Response avatar = this.gateway.upload("PUT", "/api/users/" + user + "/avatar", this.cast.token(actor),
				Samples.pngForm("avatar.png", user.hashCode()));
		assertThat(avatar.status()).as("fixture avatar of " + user + ": " + avatar).isEqualTo(200);
		return user;
	}

	private String spareUser() {
		return id(Actor.ADMIN, "/api/users", Map.of("email", "avatar-" + UUID.randomUUID() + "@hub.test", "displayName",
				"Spare", "password", Cast.PASSWORD, "roles", List.of("member")));
	}

	/** The manager's import of one new contact, once it is done. */
	private String finishedImport() {
		Api.Response started = this.gateway.send("POST", "/api/crm/imports?entity=contacts&mode=create",
				this.cast.token(Actor.MANAGER), Endpoints.CSV,
				("firstName,email\nFixture,fixture-" + UUID.randomUUID() + "@example.com\n")
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(started.status()).as("fixture import: " + started).isEqualTo(202);
		String id = started.json().path("id").asString();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> "done".equals(this.gateway.get("/api/crm/imports/" + id, this.cast.token(Actor.MANAGER))
				.json()
				.path("status")
				.asString()));
		return id;
	}

	private Map<String, Object> event(String title, List<String> attendees) {
		return Map.of("title", title, "startsAt", this.future.toString(), "endsAt",
				this.future.plus(Duration.ofHours(1)).toString(), "timeZone", "Asia/Riyadh", "attendeeIds", attendees);
	}

	private String id(Actor actor, String path, Map<String, Object> body) {
		Api.Response created = this.gateway.post(path, this.cast.token(actor), body);
		assertThat(created.status()).as("fixture " + path + " as " + actor + ": " + created).isEqualTo(201);
		return created.json().path("id").asString();
	}

	/**
	 * The user, once auth-service has their credentials: it learns them from
	 * user-service's event, so an admin's password reset right after the create may
	 * answer 404 for a moment. Setting the password it already has changes nothing.
	 */
	private String knownToAuth(String user) {
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.gateway
				.post("/api/auth/users/" + user + "/password", this.cast.token(Actor.ADMIN),
						Map.of("newPassword", Cast.PASSWORD))
				.status() != 404);
		return user;
	}

	/** The owner's welcome, which crossed from user-service over Kafka. */
	private String ownersFirstNotification() {
		String[] id = new String[1];
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
			Api.Response list = this.gateway.get("/api/notifications?limit=1", this.cast.token(Actor.OWNER));
			id[0] = list.ok() ? list.json().path("items").path(0).path("id").asString(null) : null;
			return id[0] != null;
		});
		return id[0];
	}

}
