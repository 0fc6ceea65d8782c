package hub.ameen.notification.preference;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import hub.ameen.platform.events.NotificationTypes;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.web.BadRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/notifications/preferences}: the caller's muted notification types.
 */
@RestController
@RequestMapping("/api/notifications/preferences")
@PreAuthorize(Permissions.HAS_NOTIFICATIONS_READ)
class PreferenceController {

	private final PreferenceStore preferences;

	private final Clock clock;

	PreferenceController(PreferenceStore preferences, Clock clock) {
		this.preferences = preferences;
		this.clock = clock;
	}

	/**
	 * The body of a change: the complete set of muted types.
	 *
	 * @param muted types to mute, each one of {@code types}
	 */
	record PreferencesRequest(@NotNull Set<@NotBlank String> muted) {
	}

	/**
	 * The caller's preferences and the types there are.
	 *
	 * @param muted the muted types, sorted
	 * @param types every notification type
	 * @param delivery how each type reaches the caller: {@code live}, {@code digest} or
	 * {@code off} (chosen on {@code PATCH /api/users/me}, {@code notifications})
	 */
	record PreferencesView(List<String> muted, List<String> types, Map<String, String> delivery) {

		static PreferencesView of(Preferences preferences) {
			Map<String, String> delivery = new LinkedHashMap<>();
			NotificationTypes.all().forEach((type) -> delivery.put(type, preferences.modeOf(type)));
			return new PreferencesView(List.copyOf(new TreeSet<>(preferences.muted())), NotificationTypes.all(),
					delivery);
		}

	}

	@GetMapping
	Mono<PreferencesView> get() {
		return CurrentUser.current().map((me) -> PreferencesView.of(this.preferences.get(me.id())));
	}

	@PutMapping
	Mono<PreferencesView> put(@Valid @RequestBody PreferencesRequest request) {
		Set<String> unknown = new TreeSet<>(request.muted());
		unknown.removeAll(NotificationTypes.all());
		if (!unknown.isEmpty()) {
			return Mono.error(new BadRequestException(
					"Unknown notification type(s) " + unknown + "; the types are " + NotificationTypes.all()));
		}
		return CurrentUser.current()
			.flatMap((me) -> this.preferences.mute(me.id(), request.muted(), this.clock.instant()))
			.map(PreferencesView::of);
	}

}
