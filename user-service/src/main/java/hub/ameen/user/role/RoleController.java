package hub.ameen.user.role;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.web.BadRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/users/roles}: the roles and the permissions each grants.
 */
@RestController
@RequestMapping("/api/users/roles")
class RoleController {

	private final RoleStore roles;

	RoleController(RoleStore roles) {
		this.roles = roles;
	}

	@GetMapping
	@PreAuthorize(Permissions.HAS_USERS_READ)
	Mono<Map<String, List<Role>>> list() {
		return Mono.fromCallable(() -> Map.of("items", this.roles.all()));
	}

	@PostMapping
	@PreAuthorize(Permissions.HAS_USERS_ADMIN)
	Mono<ResponseEntity<Role>> create(@Valid @RequestBody RoleRequest request) {
		Role role = new Role(request.name(), request.description(), requireKnown(request.permissions()), false);
		return CurrentUser.current()
			.flatMap((admin) -> this.roles.create(role, admin.id()))
			.map((created) -> ResponseEntity.created(URI.create("/api/users/roles/" + created.name())).body(created));
	}

	@PutMapping("/{name}")
	@PreAuthorize(Permissions.HAS_USERS_ADMIN)
	Mono<Role> update(@PathVariable String name, @Valid @RequestBody RoleRequest request) {
		if (!name.equals(request.name())) {
			return Mono.error(new BadRequestException("the role's name cannot change"));
		}
		Set<String> permissions = requireKnown(request.permissions());
		Role changed = new Role(name, request.description(), permissions, false);
		return CurrentUser.current().flatMap((admin) -> this.roles.update(changed, admin.id()));
	}

	private static Set<String> requireKnown(Set<String> permissions) {
		List<String> unknown = permissions.stream().filter((p) -> !Permissions.all().contains(p)).sorted().toList();
		if (!unknown.isEmpty()) {
			throw new BadRequestException("unknown permissions: " + String.join(", ", unknown));
		}
		return permissions;
	}

	/**
	 * A custom role.
	 */
	record RoleRequest(@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z][a-z0-9-]*") String name,
			@Size(max = 200) String description, @NotNull Set<@NotBlank String> permissions) {
	}

}
