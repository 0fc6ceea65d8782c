package hub.ameen.notification.feed;

import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.web.BadRequestException;
import hub.ameen.platform.web.PageResponse;
import reactor.core.publisher.Mono;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/notifications/feed}: the activity feed, newest first, with only the
 * entries about records the caller may read ({@link FeedAudience}); of one type, or about
 * one record ({@code record=<id>}), if asked.
 */
@RestController
class FeedController {

	private final FeedStore feed;

	FeedController(FeedStore feed) {
		this.feed = feed;
	}

	@GetMapping("/api/notifications/feed")
	@PreAuthorize(Permissions.HAS_NOTIFICATIONS_READ)
	Mono<PageResponse<FeedEntry>> feed(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) String type,
			@RequestParam(required = false) String record) {
		int size = PageRequest.of(limit, null).limit();
		String wanted = (type == null || type.isBlank()) ? null : type;
		if (wanted != null && !FeedEntry.TYPES.contains(wanted)) {
			throw new BadRequestException("type must be one of " + String.join(", ", FeedEntry.TYPES));
		}
		String after = (cursor == null || cursor.isBlank()) ? null : cursor;
		String about = (record == null || record.isBlank()) ? null : record;
		if (about != null && about.length() > 64) {
			throw new BadRequestException("record must be a record's id, at most 64 characters");
		}
		return CurrentUser.current()
			.map((me) -> this.feed.page(FeedAudience.readableBy(me, (wanted != null) ? FeedEntry.kindOf(wanted) : null),
					size, after, wanted, about))
			.map((page) -> new PageResponse<>(page.items(), page.nextCursor()));
	}

}
