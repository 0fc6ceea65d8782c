package hub.ameen.auth.token;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refresh and logout: open endpoints, the refresh token is the credential.
 */
@RestController
@RequestMapping("/api/auth")
class TokenController {

	private final TokenService tokens;

	TokenController(TokenService tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/refresh")
	Mono<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
		return this.tokens.refresh(request.refreshToken());
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> logout(@Valid @RequestBody RefreshRequest request) {
		return this.tokens.logout(request.refreshToken());
	}

	/**
	 * A refresh token presented to refresh or log out.
	 *
	 * @param refreshToken the token
	 */
	record RefreshRequest(@NotBlank @Size(max = 512) String refreshToken) {

		@Override
		public String toString() {
			return "RefreshRequest[refreshToken=***]";
		}

	}

}
