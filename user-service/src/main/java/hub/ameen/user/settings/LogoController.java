package hub.ameen.user.settings;

import java.util.List;

import hub.ameen.platform.files.Attachments;
import hub.ameen.platform.files.FileUse;
import hub.ameen.platform.files.StoredFile;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.web.NotFoundException;
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

	static final String OWNER_TYPE = "logo";

	private final Attachments attachments;

	private final SettingsStore settings;

	private final Store store;

	LogoController(Attachments attachments, SettingsStore settings, Store store) {
		this.attachments = attachments;
		this.settings = settings;
		this.store = store;
	}

	@PutMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(Permissions.HAS_USERS_ADMIN)
	Mono<StoredFile> put(@RequestBody Flux<PartEvent> parts) {
		return CurrentUser.current()
			.flatMap((admin) -> this.attachments
				.replace(parts, OWNER_TYPE, OrganisationSettings.KEY, FileUse.AVATAR, admin.id(), (txn) -> {
				})
				.flatMap((logo) -> this.settings.change((current) -> current.withLogo(logo.id()), admin.id())
					.thenReturn(logo)));
	}

	@GetMapping
	Mono<ResponseEntity<Resource>> get() {
		return Mono.fromCallable(() -> this.attachments.download(current()));
	}

	/** Idempotent: 204 whether or not there was a logo. */
	@DeleteMapping
	@PreAuthorize(Permissions.HAS_USERS_ADMIN)
	Mono<ResponseEntity<Void>> delete() {
		return CurrentUser.current().flatMap((admin) -> this.store.write((txn) -> {
			this.attachments.detachAllIn(txn, OWNER_TYPE, OrganisationSettings.KEY, admin.id());
			return this.settings.changeIn(txn, (current) -> current.withLogo(null), admin.id());
		})).thenReturn(ResponseEntity.noContent().build());
	}

	private StoredFile current() {
		List<StoredFile> logos = this.attachments.list(OWNER_TYPE, OrganisationSettings.KEY);
		if (logos.isEmpty()) {
			throw new NotFoundException("Logo of", OrganisationSettings.KEY);
		}
		return logos.get(logos.size() - 1);
	}

}
