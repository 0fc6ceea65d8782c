package hub.ameen.auth;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import hub.ameen.platform.test.web.PermissionMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.http.HttpMethod;

/**
 * Every auth-service endpoint × {anonymous, member, manager, admin}: the exact status of
 * each call. Each request is one an allowed caller succeeds with, so a refusal is the
 * guard's doing.
 */
class PermissionMatrixTests extends AuthServiceTestSupport {

	@TestFactory
	Stream<DynamicTest> everyEndpointForEveryKindOfCaller() {
		TestUser member = createUser("member");
		TestUser manager = createUser("manager");
		TestUser admin = createUser("admin");
		TestUser someone = createUser("member");
		String memberToken = bearer(member);
		String managerToken = bearer(manager);
		String adminToken = bearer(admin);
		Supplier<Object> someonesLogin = () -> Map.of("email", someone.email(), "password", someone.password());
		Supplier<Object> freshRefreshToken = () -> Map.of("refreshToken", login(someone).refreshToken());
		Supplier<Object> newPassword = () -> Map.of("newPassword", "new-" + UUID.randomUUID());
		// authenticated callers get past the guard and fail the policy (400): no password
		// changes
		Supplier<Object> tooShortPassword = () -> Map.of("currentPassword", "whatever", "newPassword", "short");

		return PermissionMatrix.of(this.client)
			.caller("anonymous", () -> null)
			.caller("member", () -> memberToken)
			.caller("manager", () -> managerToken)
			.caller("admin", () -> adminToken)
			// public
			.row(HttpMethod.POST, "/api/auth/login", someonesLogin, 200, 200, 200, 200)
			.row(HttpMethod.POST, "/api/auth/refresh", freshRefreshToken, 200, 200, 200, 200)
			.row(HttpMethod.POST, "/api/auth/logout", freshRefreshToken, 204, 204, 204, 204)
			.row(HttpMethod.GET, "/api/auth/jwks", null, 200, 200, 200, 200)
			// any signed-in user
			.row(HttpMethod.POST, "/api/auth/password", tooShortPassword, 401, 400, 400, 400)
			// users:admin
			.row(HttpMethod.POST, "/api/auth/users/" + someone.id() + "/password", newPassword, 401, 403, 403, 204)
			.row(HttpMethod.GET, "/api/auth/keys", null, 401, 403, 403, 200)
			.row(HttpMethod.POST, "/api/auth/keys/rotate", null, 401, 403, 403, 200)
			.tests();
	}

}
