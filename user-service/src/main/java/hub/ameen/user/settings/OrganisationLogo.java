package hub.ameen.user.settings;

import java.util.List;

import hub.ameen.platform.files.Attachments;
import hub.ameen.platform.files.FileUse;
import hub.ameen.platform.files.StoredFile;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.web.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Component;

/**
 * The organisation's logo: one image in the files library, owned by the settings, whose
 * id the settings' {@code logoFileId} follows in the same change.
 */
@Component
class OrganisationLogo {

	static final String OWNER_TYPE = "logo";

	private final Attachments attachments;

	private final SettingsStore settings;

	private final Store store;

	OrganisationLogo(Attachments attachments, SettingsStore settings, Store store) {
		this.attachments = attachments;
		this.settings = settings;
		this.store = store;
	}

	/** Replaces the logo with the uploaded image and points the settings at it. */
	Mono<StoredFile> replace(Flux<PartEvent> parts, String adminId) {
		return this.attachments.replace(parts, OWNER_TYPE, OrganisationSettings.KEY, FileUse.AVATAR, adminId, (txn) -> {
		}).flatMap((logo) -> this.settings.change((current) -> current.withLogo(logo.id()), adminId).thenReturn(logo));
	}

	/** The latest logo, served as the files library serves a download. */
	ResponseEntity<Resource> download() {
		List<StoredFile> logos = this.attachments.list(OWNER_TYPE, OrganisationSettings.KEY);
		if (logos.isEmpty()) {
			throw new NotFoundException("Logo of", OrganisationSettings.KEY);
		}
		return this.attachments.download(logos.get(logos.size() - 1));
	}

	/** Removes the logo's files and clears {@code logoFileId}, in one transaction. */
	Mono<OrganisationSettings> remove(String adminId) {
		return this.store.write((txn) -> {
			this.attachments.detachAllIn(txn, OWNER_TYPE, OrganisationSettings.KEY, adminId);
			return this.settings.changeIn(txn, (current) -> current.withLogo(null), adminId);
		});
	}

}
