package hub.ameen.user.settings;

import hub.ameen.platform.files.StoredFile;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/users/settings/logo}: the organisation's logo, an image in the files
 * library. Everyone signed in sees it; an administrator puts (multipart, part
 * {@code file}) or deletes it, and the settings' {@code logoFileId} follows, announced as
 * {@code settings.updated}.
 */
@RestController
@RequestMapping("/api/users/settings/logo")
class LogoController {

	private final OrganisationLogo logo;

	LogoController(OrganisationLogo logo) {
		this.logo = logo;
	}

	@PutMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(Permissions.HAS_USERS_ADMIN)
	Mono<StoredFile> put(@RequestBody Flux<PartEvent> parts) {
		return CurrentUser.current().flatMap((admin) -> this.logo.replace(parts, admin.id()));
	}

	@GetMapping
	Mono<ResponseEntity<Resource>> get() {
		return Mono.fromCallable(this.logo::download);
	}

	/** Idempotent: 204 whether or not there was a logo. */
	@DeleteMapping
	@PreAuthorize(Permissions.HAS_USERS_ADMIN)
	Mono<ResponseEntity<Void>> delete() {
		return CurrentUser.current()
			.flatMap((admin) -> this.logo.remove(admin.id()))
			.thenReturn(ResponseEntity.noContent().build());
	}

}
