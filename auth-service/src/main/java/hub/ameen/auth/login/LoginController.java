package hub.ameen.auth.login;

import hub.ameen.auth.token.TokenResponse;
import hub.ameen.platform.web.MaxUtf8Bytes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/login}: email and password in, a token pair out.
 */
@RestController
@RequestMapping("/api/auth")
class LoginController {

	private final LoginService logins;

	private final ClientAddress clients;

	LoginController(LoginService logins, ClientAddress clients) {
		this.logins = logins;
		this.clients = clients;
	}

	@PostMapping("/login")
	Mono<TokenResponse> login(@Valid @RequestBody LoginRequest request, ServerHttpRequest http) {
		return this.logins.login(request.email(), request.password(), this.clients.of(http));
	}

	/**
	 * Credentials presented at login. The email's bound is an email's (254), in bytes
	 * too, since it becomes a store key; the password's upper bound keeps hashing cheap
	 * for absurd inputs; the policy's own bounds apply when a password is set.
	 *
	 * @param email the email
	 * @param password the password
	 */
	record LoginRequest(@NotBlank @Size(max = 254) @MaxUtf8Bytes(254) String email,
			@NotBlank @Size(max = 1024) String password) {

		@Override
		public String toString() {
			return "LoginRequest[email=" + this.email + ", password=***]";
		}

	}

}
