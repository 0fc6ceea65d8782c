package hub.ameen.notification.inbox;

import java.time.Clock;
import java.util.Map;

import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.web.PageResponse;
import reactor.core.publisher.Mono;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/notifications}: the caller's own notifications and their read state.
 * Another user's notification is answered as not found.
 */
@RestController
@RequestMapping("/api/notifications")
@PreAuthorize(Permissions.HAS_NOTIFICATIONS_READ)
class NotificationController {

	private final NotificationStore notifications;

	private final Clock clock;

	NotificationController(NotificationStore notifications, Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
	}

	@GetMapping
	Mono<PageResponse<Notification>> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "false") boolean unread) {
		return CurrentUser.current()
			.map((me) -> this.notifications.page(me.id(), PageRequest.of(limit, cursor), unread))
			.map((page) -> new PageResponse<>(page.items(), page.nextCursor()));
	}

	@GetMapping("/unread-count")
	Mono<Map<String, Long>> unreadCount() {
		return CurrentUser.current().map((me) -> Map.of("count", this.notifications.unreadCount(me.id())));
	}

	@PostMapping("/{id}/read")
	Mono<Notification> read(@PathVariable String id) {
		return CurrentUser.current().flatMap((me) -> this.notifications.markRead(me.id(), id, this.clock.instant()));
	}

	@PostMapping("/read-all")
	Mono<Map<String, Integer>> readAll() {
		return CurrentUser.current()
			.flatMap((me) -> this.notifications.markAllRead(me.id(), this.clock.instant()))
			.map((marked) -> Map.of("marked", marked));
	}

}
