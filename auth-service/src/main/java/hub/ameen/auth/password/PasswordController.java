package hub.ameen.auth.password;

import hub.ameen.platform.security.Permissions;
import hub.ameen.auth.login.InvalidCredentialsException;
import hub.ameen.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/password} for one's own password, and {@code POST
 * /api/auth/users/{id}/password} for administrators.
 */
@RestController
@RequestMapping("/api/auth")
class PasswordController {

	private final PasswordService passwords;

	PasswordController(PasswordService passwords) {
		this.passwords = passwords;
	}

	@PostMapping("/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> change(@Valid @RequestBody ChangePasswordRequest request) {
		return CurrentUser.current()
			.switchIfEmpty(Mono.error(InvalidCredentialsException::new))
			.flatMap((user) -> this.passwords.change(user.id(), request.currentPassword(), request.newPassword()));
	}

	@PostMapping("/users/{id}/password")
	@PreAuthorize(Permissions.HAS_USERS_ADMIN)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> reset(@PathVariable @Size(max = 64) String id, @Valid @RequestBody ResetPasswordRequest request) {
		return CurrentUser.current()
			.switchIfEmpty(Mono.error(InvalidCredentialsException::new))
			.flatMap((admin) -> this.passwords.reset(id, request.newPassword(), admin.id()));
	}

	/**
	 * A password change by its owner.
	 *
	 * @param currentPassword the password now
	 * @param newPassword the password to set
	 */
	record ChangePasswordRequest(@NotBlank @Size(max = 1024) String currentPassword,
			@NotBlank @Size(max = 1024) String newPassword) {

		@Override
		public String toString() {
			return "ChangePasswordRequest[currentPassword=***, newPassword=***]";
		}

	}

	/**
	 * A password set by an administrator.
	 *
	 * @param newPassword the password to set
	 */
	record ResetPasswordRequest(@NotBlank @Size(max = 1024) String newPassword) {

		@Override
		public String toString() {
			return "ResetPasswordRequest[newPassword=***]";
		}

	}

}
