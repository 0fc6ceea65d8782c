package hub.ameen.user.settings;

import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/users/settings}: everyone signed in reads the organisation's settings; an
 * administrator changes them.
 */
@RestController
@RequestMapping("/api/users/settings")
class SettingsController {

	private final SettingsStore settings;

	SettingsController(SettingsStore settings) {
		this.settings = settings;
	}

	@GetMapping
	Mono<OrganisationSettings> get() {
		return Mono.fromCallable(this.settings::current);
	}

	@PatchMapping
	@PreAuthorize(Permissions.HAS_USERS_ADMIN)
	Mono<OrganisationSettings> change(@Valid @RequestBody SettingsRequest request) {
		return CurrentUser.current().flatMap((admin) -> this.settings.change(request::applyTo, admin.id()));
	}

}
