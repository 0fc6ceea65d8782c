package hub.ameen.e2e;

import java.util.List;

/**
 * Every endpoint the hub serves today (from the controllers of each service), with a
 * valid body, its query parameters and who may call it. The authorization and bad-input
 * suites are both generated from this one table.
 *
 * <p>
 * {@code expect} has one letter per {@link Cast.Actor}, in the order anonymous, member
 * owning, member not owning, manager, admin: {@code o} 2xx; {@code u} 401; {@code d}
 * denied (403, or 404 for what the caller may not know exists); {@code b} 400 (past the
 * permission check, refused for its body); {@code h} 2xx without the owner's resource
 * named in {@code hides}. Placeholders in braces are filled by {@link Fixtures}.
 */
final class Endpoints {

	/**
	 * One endpoint.
	 *
	 * @param expect the expected answer per actor, see the class comment
	 * @param method the HTTP method
	 * @param path the path, with placeholders and a valid query
	 * @param body a valid JSON body with placeholders, or null
	 * @param hides the placeholder of the resource only its owner may see in the answer
	 * @param params the query parameters the bad-input suite varies
	 * @param contentType JSON, a CSV body, or a multipart upload whose body is the file's
	 * name
	 */
	record Endpoint(String expect, String method, String path, String body, String hides, List<String> params,
			String contentType) {

		Endpoint(String expect, String method, String path, String body, String hides, List<String> params) {
			this(expect, method, path, body, hides, params, (body != null) ? JSON : null);
		}

		/**
		 * The request with its path and body resolved: JSON and CSV bodies as written;
		 * for an upload, a form whose one part {@code file} is a PNG named by the body.
		 */
		Api.Call call(String path, String body, String bearer) {
			if (MULTIPART.equals(this.contentType)) {
				Api.Multipart form = Samples.pngForm(body, body.hashCode());
				return new Api.Call(this.method, path, bearer, form.contentType(), form.bytes());
			}
			return new Api.Call(this.method, path, bearer, this.contentType,
					(body != null) ? body.getBytes(java.nio.charset.StandardCharsets.UTF_8) : null);
		}

		boolean isUpload() {
			return MULTIPART.equals(this.contentType);
		}

		boolean isCsv() {
			return CSV.equals(this.contentType);
		}

		char expect(Cast.Actor actor) {
			return this.expect.charAt(actor.ordinal());
		}

		boolean isStream() {
			return this.path.endsWith("/stream");
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	static final String JSON = "application/json";

	static final String MULTIPART = "multipart/form-data";

	static final String CSV = "text/csv";

	private static final String TASK = "{\"title\":\"Write the report {uniq}\",\"description\":\"Quarterly\","
			+ "\"priority\":\"high\",\"status\":\"todo\",\"assigneeId\":\"{thirdId}\",\"dueAt\":\"{future}\","
			+ "\"labels\":[\"q4\"],\"related\":{\"type\":\"contact\",\"id\":\"{contactRef}\"}}";

	private static final String EVENT = "{\"title\":\"Sync {uniq}\",\"description\":\"Weekly\",\"location\":\"Room 4\","
			+ "\"startsAt\":\"{future}\",\"endsAt\":\"{futureEnd}\",\"timeZone\":\"Asia/Riyadh\",\"allDay\":false,"
			+ "\"recurrence\":\"FREQ=WEEKLY;COUNT=10;BYDAY=MO\",\"exdates\":[],\"reminders\":[{\"minutesBefore\":15}],"
			+ "\"attendeeIds\":[\"{callerId}\"],\"status\":\"scheduled\"}";

	private static final String CONTACT = "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\","
			+ "\"email\":\"ada-{uniq}@example.com\",\"phone\":\"+966 11 000 0000\",\"companyId\":\"{company}\","
			+ "\"tags\":[\"vip\"],\"ownerId\":\"{callerId}\"}";

	private static final String COMPANY = "{\"name\":\"Acme {uniq}\",\"domain\":\"acme-{uniq}.example.com\","
			+ "\"industry\":\"Retail\",\"tags\":[\"key\"]}";

	private static final String DEAL = "{\"title\":\"Fleet renewal {uniq}\",\"amount\":{\"value\":\"1200.50\","
			+ "\"currency\":\"SAR\"},\"companyId\":\"{company}\",\"contactIds\":[\"{contact}\"]}";

	private static final String NEW_USER = "{\"email\":\"new-{uniq}@hub.test\",\"displayName\":\"New User\","
			+ "\"password\":\"a-long-password-789\",\"roles\":[\"member\"],\"timeZone\":\"Asia/Riyadh\",\"locale\":\"ar\"}";

	static final List<Endpoint> ALL = List.of(
			// gateway and auth-service
			e("ooooo", "GET", "/api/health", null), e("ooooo", "GET", "/api/auth/jwks", null),
			// every service's OpenAPI document, for Swagger UI at /api/docs
			e("ooooo", "GET", "/api/docs/auth-service.json", null),
			e("ooooo", "GET", "/api/docs/user-service.json", null),
			e("ooooo", "GET", "/api/docs/crm-service.json", null),
			e("ooooo", "GET", "/api/docs/tasks-service.json", null),
			e("ooooo", "GET", "/api/docs/scheduler-service.json", null),
			e("ooooo", "GET", "/api/docs/notification-service.json", null),
			e("uuuuu", "POST", "/api/auth/login",
					"{\"email\":\"nobody-{uniq}@hub.test\",\"password\":\"not-the-password-1\"}"),
			e("uuuuu", "POST", "/api/auth/refresh", "{\"refreshToken\":\"not-a-token-{uniq}\"}"),
			e("ooooo", "POST", "/api/auth/logout", "{\"refreshToken\":\"not-a-token-{uniq}\"}"),
			e("ubbbb", "POST", "/api/auth/password",
					"{\"currentPassword\":\"not-my-password-1\",\"newPassword\":\"a-new-password-123\"}"),
			e("udddo", "POST", "/api/auth/users/{user}/password", "{\"newPassword\":\"a-new-password-456\"}"),
			e("udddo", "GET", "/api/auth/keys", null), e("udddo", "POST", "/api/auth/keys/rotate", null),
			// user-service
			e("uoooo", "GET", "/api/users/me", null),
			e("uoooo", "PATCH", "/api/users/me",
					"{\"displayName\":\"Renamed {uniq}\",\"timeZone\":\"Asia/Riyadh\",\"locale\":\"en\"}"),
			e("uoooo", "GET", "/api/users/settings", null),
			e("udddo", "PATCH", "/api/users/settings",
					"{\"name\":\"Ameen Hub\",\"weekStart\":\"MONDAY\",\"workingHours\":{\"from\":\"09:00\",\"to\":\"17:00\"}}"),
			// the logo's removal (its multipart upload: user-service's LogoApiTests)
			e("udddo", "DELETE", "/api/users/settings/logo", null),
			e("uddoo", "GET", "/api/users?limit=5", null, "limit", "cursor", "q"),
			e("uddoo", "GET", "/api/users/{user}", null), e("udddo", "POST", "/api/users", NEW_USER),
			e("udddo", "PATCH", "/api/users/{user}", "{\"displayName\":\"Changed {uniq}\",\"locale\":\"ar\"}"),
			e("udddo", "POST", "/api/users/{user}/disable", null), e("udddo", "POST", "/api/users/{user}/enable", null),
			e("udddo", "PUT", "/api/users/{user}/roles", "{\"roles\":[\"member\"]}"),
			e("udddo", "DELETE", "/api/users/{user}", null), e("uddoo", "GET", "/api/users/roles", null),
			// avatars: the user's own, or users:admin; anyone signed in sees them
			upload("uoooo", "PUT", "/api/users/me/avatar", "me-{uniq}.png"),
			upload("uoddo", "PUT", "/api/users/{user}/avatar", "avatar-{uniq}.png"),
			e("uoooo", "GET", "/api/users/{avatarOf}/avatar", null),
			e("uoddo", "DELETE", "/api/users/{avatarOf}/avatar", null),
			e("udddo", "POST", "/api/users/roles",
					"{\"name\":\"role-{uniq}\",\"description\":\"Reads CRM\",\"permissions\":[\"crm:read\"]}"),
			e("udddo", "PUT", "/api/users/roles/{role}",
					"{\"name\":\"{role}\",\"description\":\"Changed\",\"permissions\":[\"crm:read\",\"tasks:read\"]}"),
			// crm-service: crm:write creates and changes the caller's own records;
			// crm:manage
			// changes anyone's, deletes and merges
			e("uoooo", "GET", "/api/crm/contacts?limit=5", null, "limit", "cursor", "q", "sort", "companyId", "tag"),
			e("uoooo", "GET", "/api/crm/contacts/{contact}", null), e("uoooo", "POST", "/api/crm/contacts", CONTACT),
			e("uodoo", "PATCH", "/api/crm/contacts/{contact}", "{\"lastName\":\"Byron\",\"tags\":[\"poet\"]}"),
			e("uddoo", "DELETE", "/api/crm/contacts/{contact}", null),
			e("uddoo", "POST", "/api/crm/contacts/{contact}/merge", "{\"duplicateId\":\"{duplicateContact}\"}"),
			e("uoooo", "GET", "/api/crm/contacts/export", null, "q", "companyId"),
			e("uoooo", "GET", "/api/crm/companies?limit=5", null, "limit", "cursor", "q", "sort"),
			e("uoooo", "GET", "/api/crm/companies/{company}", null), e("uoooo", "POST", "/api/crm/companies", COMPANY),
			e("uodoo", "PATCH", "/api/crm/companies/{company}", "{\"industry\":\"Shipping {uniq}\"}"),
			e("uddoo", "DELETE", "/api/crm/companies/{company}", null),
			e("uoooo", "GET", "/api/crm/companies/export", null), e("uoooo", "GET", "/api/crm/pipelines", null),
			e("uoooo", "GET", "/api/crm/pipelines/default", null),
			e("uoooo", "GET", "/api/crm/pipelines/default/board", null),
			e("uddoo", "POST", "/api/crm/pipelines", "{\"name\":\"Renewals {uniq}\",\"stages\":[{\"key\":\"open\","
					+ "\"name\":\"Open\",\"probability\":20},{\"key\":\"won\",\"name\":\"Won\",\"probability\":100}]}"),
			e("uoooo", "GET", "/api/crm/deals?limit=5", null, "limit", "cursor", "q", "sort", "stage"),
			e("uoooo", "GET", "/api/crm/deals/{deal}", null), e("uoooo", "POST", "/api/crm/deals", DEAL),
			e("uodoo", "PATCH", "/api/crm/deals/{deal}", "{\"title\":\"Renamed {uniq}\"}"),
			e("uodoo", "POST", "/api/crm/deals/{deal}/stage", "{\"stage\":\"qualified\"}"),
			e("uddoo", "DELETE", "/api/crm/deals/{deal}", null),
			// attachments: who may change the record attaches and deletes, who may read
			// it
			// lists and downloads; an upload is a form with one PNG named as the body
			// says
			upload("uodoo", "POST", "/api/crm/deals/{deal}/attachments", "deal-{uniq}.png"),
			upload("uodoo", "POST", "/api/crm/contacts/{contact}/attachments", "contact-{uniq}.png"),
			upload("uodoo", "POST", "/api/crm/companies/{company}/attachments", "company-{uniq}.png"),
			e("uoooo", "GET", "/api/crm/deals/{dealFile}", null),
			e("uodoo", "DELETE", "/api/crm/deals/{dealFile}", null),
			e("uoooo", "GET", "/api/crm/contacts/{contactFile}", null),
			e("uodoo", "DELETE", "/api/crm/contacts/{contactFile}", null),
			e("uoooo", "GET", "/api/crm/companies/{companyFile}", null),
			e("uodoo", "DELETE", "/api/crm/companies/{companyFile}", null),
			e("uoooo", "GET", "/api/crm/attachments/{dealFileId}", null),
			e("uodoo", "DELETE", "/api/crm/attachments/{dealFileId}", null),
			e("uoooo", "GET", "/api/crm/deals/{deal}/attachments", null),
			e("uoooo", "GET", "/api/crm/contacts/{contact}/attachments", null),
			e("uoooo", "GET", "/api/crm/companies/{company}/attachments", null),
			// imports: crm:manage only; a dry run, so that the suites change nothing
			new Endpoint("uddoo", "POST", "/api/crm/imports?entity=contacts&mode=upsert&dryRun=true",
					"firstName,lastName,email\nImported,Row,imported-{uniq}@example.com\n", null,
					List.of("entity", "mode", "dryRun"), CSV),
			e("uddoo", "GET", "/api/crm/imports/{import}", null),
			e("uddoo", "GET", "/api/crm/imports/{import}/rows?limit=5", null, "limit", "cursor"),
			e("uddoo", "POST", "/api/crm/imports/{import}/revert", null),
			e("uoooo", "GET", "/api/crm/activities?limit=5", null, "limit", "cursor"),
			e("uoooo", "GET", "/api/crm/activities/{activity}", null),
			e("uoooo", "POST", "/api/crm/activities",
					"{\"type\":\"call\",\"subject\":\"Called {uniq}\",\"dealId\":\"{deal}\"}"),
			e("uodoo", "PATCH", "/api/crm/activities/{activity}", "{\"subject\":\"Called back {uniq}\"}"),
			e("uddoo", "DELETE", "/api/crm/activities/{activity}", null),
			// tasks-service: members change tasks they created or are assigned
			e("uoooo", "GET", "/api/tasks?limit=5", null, "limit", "cursor", "assigneeId", "status"),
			e("uoooo", "GET", "/api/tasks/{task}", null), e("uoooo", "POST", "/api/tasks", TASK),
			e("uodoo", "PATCH", "/api/tasks/{task}", "{\"title\":\"Taken over {uniq}\",\"assigneeId\":\"{callerId}\"}"),
			e("uodoo", "PATCH", "/api/tasks/{assignedTask}", "{\"status\":\"done\"}"),
			e("uodoo", "DELETE", "/api/tasks/{task}", null),
			e("uoooo", "GET", "/api/tasks?view=mine&limit=5", null, "view", "label", "q", "tz"),
			e("uoooo", "GET", "/api/tasks/board", null),
			e("uodoo", "POST", "/api/tasks/{task}/move", "{\"status\":\"in_progress\"}"),
			e("uodoo", "POST", "/api/tasks/bulk", "{\"ids\":[\"{task}\"],\"patch\":{\"labels\":[\"bulk\"]}}"),
			e("uoooo", "GET", "/api/tasks/{task}/comments", null, "limit", "cursor"),
			e("uoooo", "GET", "/api/tasks/{task}/attachments", null),
			upload("uodoo", "POST", "/api/tasks/{task}/attachments", "task-{uniq}.png"),
			e("uoooo", "GET", "/api/tasks/{taskFile}", null), e("uodoo", "DELETE", "/api/tasks/{taskFile}", null),
			e("uoooo", "GET", "/api/tasks/attachments/{taskFileId}", null),
			e("uodoo", "DELETE", "/api/tasks/attachments/{taskFileId}", null),
			e("uoooo", "POST", "/api/tasks/{task}/comments", "{\"body\":\"Looks good {uniq}\"}"),
			// a comment's author changes it, or tasks:manage
			e("uodoo", "PATCH", "/api/tasks/{ownComment}", "{\"body\":\"Edited {uniq}\"}"),
			e("uodoo", "DELETE", "/api/tasks/{ownComment}", null),
			// scheduler-service: members see events they created or attend
			e("uoooo", "POST", "/api/scheduler/events", EVENT),
			new Endpoint("uohoo", "GET", "/api/scheduler/events?limit=200", null, "{event}",
					List.of("limit", "cursor", "attendeeId")),
			new Endpoint(
					"uohoo", "GET", "/api/scheduler/events?attendeeId={ownerId}&limit=200", null, "{event}", List.of()),
			e("uodoo", "GET", "/api/scheduler/events/{event}", null),
			e("uodoo", "GET", "/api/scheduler/events/{attendedEvent}", null), e("uodoo", "PATCH",
					"/api/scheduler/events/{event}?scope=all", "{\"title\":\"Moved {uniq}\"}", "scope", "occurrence"),
			e("uodoo", "DELETE", "/api/scheduler/events/{event}", null, "scope", "occurrence"),
			new Endpoint("uohoo", "GET", "/api/scheduler/occurrences?from={from}&to={to}", null, "{event}",
					List.of("from", "to", "attendeeId")),
			e("uoooo", "GET", "/api/scheduler/service", null),
			// notification-service: always the caller's own
			new Endpoint("uohhh", "GET", "/api/notifications?limit=200", null, "{notification}",
					List.of("limit", "cursor", "unread")),
			e("uoddd", "POST", "/api/notifications/{notification}/read", null),
			e("uoooo", "POST", "/api/notifications/read-all", null),
			e("uoooo", "GET", "/api/notifications/unread-count", null),
			e("uoooo", "GET", "/api/notifications/preferences", null),
			e("uoooo", "PUT", "/api/notifications/preferences", "{\"muted\":[]}"),
			e("uoooo", "GET", "/api/notifications/feed?limit=20", null, "limit", "cursor", "type", "record"),
			e("uoooo", "POST", "/api/notifications/stream-ticket", null),
			e("uoooo", "GET", "/api/notifications/stream", null, "ticket", "lastEventId"));

	private Endpoints() {
	}

	private static Endpoint upload(String expect, String method, String path, String filename) {
		return new Endpoint(expect, method, path, filename, null, List.of(), MULTIPART);
	}

	private static Endpoint e(String expect, String method, String path, String body, String... params) {
		return new Endpoint(expect, method, path, body, null, List.of(params));
	}

}
