package hub.ameen.user;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import hub.ameen.platform.test.web.PermissionMatrix;
import hub.ameen.user.directory.User;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.http.HttpMethod;

/**
 * Every user-service endpoint × {anonymous, member, manager, admin}: the exact status of
 * each call. Each request is one an allowed caller succeeds with.
 */
class PermissionMatrixTests extends UserServiceTestSupport {

	@TestFactory
	Stream<DynamicTest> everyEndpointForEveryKindOfCaller() {
		User target = createUser("member");
		String memberId = createUser("member").id();
		String member = bearer(memberId, "crm:read", "tasks:read", "tasks:write", "notifications:read");
		String managerId = createUser("manager").id();
		String manager = bearer(managerId, "users:read", "crm:read", "crm:write");
		String adminId = createUser("admin").id();
		String admin = bearer(adminId, hub.ameen.platform.security.Permissions.all().toArray(String[]::new));
		Supplier<Object> newUser = () -> Map.of("email", UUID.randomUUID() + "@x.test", "displayName", "New",
				"password", "a very long password", "roles", List.of("member"));
		Supplier<Object> newRole = () -> Map.of("name", "r-" + UUID.randomUUID().toString().substring(0, 8),
				"permissions", List.of("crm:read"));
		Supplier<Object> rename = () -> Map.of("displayName", "Renamed");
		String victim = createUser("member").id();

		return PermissionMatrix.of(this.client)
			.caller("anonymous", () -> null)
			.caller("member", () -> member)
			.caller("manager", () -> manager)
			.caller("admin", () -> admin)
			.row(HttpMethod.GET, "/api/users/me", null, 401, 200, 200, 200)
			.row(HttpMethod.PATCH, "/api/users/me", rename, 401, 200, 200, 200)
			.row(HttpMethod.GET, "/api/users", null, 401, 403, 200, 200)
			.row(HttpMethod.GET, "/api/users/" + target.id(), null, 401, 403, 200, 200)
			.row(HttpMethod.POST, "/api/users", newUser, 401, 403, 403, 201)
			.row(HttpMethod.PATCH, "/api/users/" + target.id(), rename, 401, 403, 403, 200)
			.row(HttpMethod.POST, "/api/users/" + target.id() + "/disable", null, 401, 403, 403, 200)
			.row(HttpMethod.POST, "/api/users/" + target.id() + "/enable", null, 401, 403, 403, 200)
			.row(HttpMethod.PUT, "/api/users/" + target.id() + "/roles", () -> Map.of("roles", List.of("member")), 401,
					403, 403, 200)
			.row(HttpMethod.GET, "/api/users/roles", null, 401, 403, 200, 200)
			.row(HttpMethod.POST, "/api/users/roles", newRole, 401, 403, 403, 201)
			.row(HttpMethod.GET, "/api/users/settings", null, 401, 200, 200, 200)
			.row(HttpMethod.PATCH, "/api/users/settings", () -> Map.of("name", "Ameen Hub"), 401, 403, 403, 200)
			.row(HttpMethod.DELETE, "/api/users/" + victim, null, 401, 403, 403, 204)
			.tests();
	}

}
