package hub.ameen.user.avatar;

import java.util.List;

import hub.ameen.platform.files.Attachments;
import hub.ameen.platform.files.FileUse;
import hub.ameen.platform.files.StoredFile;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.web.NotFoundException;
import hub.ameen.platform.web.ProblemResponses;
import hub.ameen.platform.web.ProblemTypes;
import hub.ameen.user.directory.UserService;
import hub.ameen.user.directory.UserStore;
import hub.ameen.user.directory.UserPaths;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/users/{id}/avatar} ({@code me} for the caller): any signed-in user sees it;
 * the user or a holder of {@code users:admin} puts (multipart, part {@code file}, an
 * image) or deletes it. A new one replaces the old in one transaction.
 */
@RestController
@RequestMapping("/api/users/" + UserPaths.USER_ID + "/avatar")
class AvatarController {

	private final Attachments attachments;

	private final UserStore users;

	AvatarController(Attachments attachments, UserStore users) {
		this.attachments = attachments;
		this.users = users;
	}

	@PutMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	Mono<StoredFile> put(@PathVariable String id, @RequestBody Flux<PartEvent> parts) {
		return CurrentUser.current().flatMap((me) -> {
			String userId = changeable(id, me);
			return this.attachments.replace(parts, UserService.AVATAR, userId, FileUse.AVATAR, me.id(),
					(txn) -> this.users.get(txn, userId).orElseThrow(() -> new NotFoundException("User", userId)));
		});
	}

	@GetMapping
	Mono<ResponseEntity<Resource>> get(@PathVariable String id) {
		return CurrentUser.current().map((me) -> this.attachments.download(avatarOf(userId(id, me))));
	}

	@DeleteMapping
	Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return CurrentUser.current().flatMap((me) -> {
			String userId = changeable(id, me);
			return this.attachments.detach(UserService.AVATAR, userId, avatarOf(userId).id(), me.id(), (txn) -> {
			});
		}).thenReturn(ResponseEntity.noContent().build());
	}

	private StoredFile avatarOf(String userId) {
		List<StoredFile> avatars = this.attachments.list(UserService.AVATAR, userId);
		if (avatars.isEmpty()) {
			throw new NotFoundException("Avatar of user", userId);
		}
		return avatars.get(avatars.size() - 1);
	}

	private static String changeable(String id, CurrentUser me) {
		String userId = userId(id, me);
		if (!userId.equals(me.id()) && !me.can(Permissions.USERS_ADMIN)) {
			throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemResponses.problem(HttpStatus.FORBIDDEN,
					ProblemTypes.FORBIDDEN, "Only the user or a holder of users:admin changes an avatar"), null);
		}
		return userId;
	}

	private static String userId(String id, CurrentUser me) {
		return "me".equals(id) ? me.id() : id;
	}

}
