package hub.ameen.user.directory;

import java.net.URI;
import java.util.List;
import java.util.Map;

import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Passwords;
import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.web.BadRequestException;
import hub.ameen.platform.web.MaxUtf8Bytes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/users}: the users of the hub, and each user's own profile under
 * {@code /me}.
 */
@RestController
@RequestMapping("/api/users")
class UserController {

	/** User ids are 26-character ULIDs; anything much longer cannot name a user. */
	private static final int ID_MAX = 64;

	/** Present but blank is refused; absent means "no change". */
	private static final String NOT_BLANK = "(?s).*\\S.*";

	private final UserService users;

	UserController(UserService users) {
		this.users = users;
	}

	@GetMapping("/me")
	Mono<User> me() {
		return CurrentUser.current().flatMap((me) -> this.users.get(me.id()));
	}

	@PatchMapping("/me")
	Mono<User> updateMe(@Valid @RequestBody ProfileRequest request) {
		return CurrentUser.current()
			.flatMap((me) -> this.users.updateProfile(me.id(), request.toChange(false), me.id()));
	}

	@GetMapping
	@PreAuthorize(Permissions.HAS_USERS_READ)
	Mono<Page<User>> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) String q) {
		return Mono.fromCallable(() -> this.users.list(PageRequest.of(limit, cursor), q));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Permissions.HAS_USERS_READ)
	Mono<User> get(@PathVariable @Size(max = ID_MAX) String id) {
		return this.users.get(id);
	}

	@PostMapping
	@PreAuthorize(Permissions.HAS_USERS_ADMIN)
	Mono<ResponseEntity<User>> create(@Valid @RequestBody CreateUserRequest request) {
		List<String> weak = Passwords.violations(request.password(), request.email());
		if (!weak.isEmpty()) {
			return Mono.error(new BadRequestException("password: " + String.join("; ", weak)));
		}
		return CurrentUser.current()
			.flatMap((admin) -> this.users.create(request.toNewUser(), request.password(), admin.id()))
			.map((user) -> ResponseEntity.created(URI.create("/api/users/" + user.id())).body(user));
	}

	@PatchMapping("/{id}")
	@PreAuthorize(Permissions.HAS_USERS_ADMIN)
	Mono<User> update(@PathVariable @Size(max = ID_MAX) String id, @Valid @RequestBody ProfileRequest request) {
		return CurrentUser.current()
			.flatMap((admin) -> this.users.updateProfile(id, request.toChange(true), admin.id()));
	}

	@PostMapping("/{id}/disable")
	@PreAuthorize(Permissions.HAS_USERS_ADMIN)
	Mono<User> disable(@PathVariable @Size(max = ID_MAX) String id) {
		return CurrentUser.current().flatMap((admin) -> this.users.setStatus(id, User.Status.disabled, admin.id()));
	}

	@PostMapping("/{id}/enable")
	@PreAuthorize(Permissions.HAS_USERS_ADMIN)
	Mono<User> enable(@PathVariable @Size(max = ID_MAX) String id) {
		return CurrentUser.current().flatMap((admin) -> this.users.setStatus(id, User.Status.active, admin.id()));
	}

	@PutMapping("/" + UserPaths.USER_ID + "/roles")
	@PreAuthorize(Permissions.HAS_USERS_ADMIN)
	Mono<User> setRoles(@PathVariable @Size(max = ID_MAX) String id, @Valid @RequestBody RolesRequest request) {
		return CurrentUser.current().flatMap((admin) -> this.users.setRoles(id, request.roles(), admin.id()));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(Permissions.HAS_USERS_ADMIN)
	Mono<ResponseEntity<Void>> delete(@PathVariable @Size(max = ID_MAX) String id) {
		return CurrentUser.current()
			.flatMap((admin) -> this.users.delete(id, admin.id()))
			.thenReturn(ResponseEntity.noContent().build());
	}

	/**
	 * An admin's request to create a user, with the initial password.
	 */
	record CreateUserRequest(@NotBlank @Email @Size(max = 254) @MaxUtf8Bytes(254) String email,
			@NotBlank @Size(max = 100) String displayName, @NotNull @Size(max = 128) String password,
			@NotEmpty List<@NotBlank @Size(max = 40) String> roles, @TimeZoneId String timeZone,
			@Size(max = 35) String locale) {

		UserService.NewUser toNewUser() {
			return new UserService.NewUser(this.email, this.displayName, this.roles, this.timeZone, this.locale);
		}

		@Override
		public String toString() {
			return "CreateUserRequest[email=" + this.email + ", password=***]";
		}

	}

	/**
	 * A profile change; absent fields stay. Only an admin may change an email.
	 */
	record ProfileRequest(
			@Email @Size(max = 254) @MaxUtf8Bytes(254) @Pattern(regexp = NOT_BLANK,
					message = "must not be blank") String email,
			@Size(min = 1, max = 100) String displayName, @TimeZoneId String timeZone,
			@Size(min = 2, max = 35) String locale,
			@Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]|" + UserService.ProfileChange.FOLLOW_DEFAULT,
					message = "must be a time of day as HH:mm, or default") String digestTime,
			@Size(max = 40) Map<@Size(max = 40) String, @Size(max = 10) String> notifications) {

		UserService.ProfileChange toChange(boolean mayChangeEmail) {
			if (!mayChangeEmail && this.email != null) {
				throw new BadRequestException("email can only be changed by an admin");
			}
			String problem = NotificationDelivery.problemWith(this.notifications);
			if (problem != null) {
				throw new BadRequestException("notifications: " + problem);
			}
			return new UserService.ProfileChange(this.email, this.displayName, this.timeZone, this.locale,
					this.digestTime, this.notifications);
		}

	}

	/**
	 * The complete set of roles a user should hold.
	 */
	record RolesRequest(@NotNull List<@NotBlank @Size(max = 40) String> roles) {
	}

}
