package hub.ameen.notification.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;

/**
 * Who may see an entry, as the streams it is filed under, mirroring who may read its
 * record in the service that owns it:
 * <ul>
 * <li>{@code crm}: contacts, companies and deals, which crm-service lets every
 * {@code crm:read} holder read;</li>
 * <li>{@code tasks}: tasks and their comments, which tasks-service lets every
 * {@code tasks:read} holder read;</li>
 * <li>{@code users}: users joining, which user-service lists to {@code users:read}
 * holders;</li>
 * <li>{@code events}: every calendar event, for {@code scheduler:manage} holders, and
 * {@code u/<id>}: the events a {@code scheduler:read} holder created or attends (the
 * scheduler hides other events from them).</li>
 * </ul>
 * A reader's streams never share an entry, so merging them needs no de-duplication.
 */
public final class FeedAudience {

	static final String CRM = "crm";

	static final String TASKS = "tasks";

	static final String USERS = "users";

	static final String EVENTS = "events";

	private FeedAudience() {
	}

	/** The streams of a calendar event's entry: all events, and each person in it. */
	static List<String> ofCalendarEvent(String creatorId, List<String> attendeeIds) {
		Set<String> streams = new LinkedHashSet<>();
		streams.add(EVENTS);
		if (creatorId != null) {
			streams.add(personal(creatorId));
		}
		if (attendeeIds != null) {
			attendeeIds.stream()
				.filter((id) -> id != null && !id.isBlank())
				.map(FeedAudience::personal)
				.forEach(streams::add);
		}
		return List.copyOf(streams);
	}

	/**
	 * The streams a reader may see, optionally only those that hold one kind of record.
	 */
	public static List<String> readableBy(CurrentUser reader, String kind) {
		List<String> streams = new ArrayList<>(4);
		if (reader.can(Permissions.CRM_READ)
				&& (kind == null || List.of("contact", "company", "deal").contains(kind))) {
			streams.add(CRM);
		}
		if (reader.can(Permissions.TASKS_READ) && (kind == null || kind.equals("task"))) {
			streams.add(TASKS);
		}
		if (reader.can(Permissions.USERS_READ) && (kind == null || kind.equals("user"))) {
			streams.add(USERS);
		}
		if (kind == null || kind.equals("event")) {
			if (reader.can(Permissions.SCHEDULER_MANAGE)) {
				streams.add(EVENTS);
			}
			else if (reader.can(Permissions.SCHEDULER_READ)) {
				streams.add(personal(reader.id()));
			}
		}
		return streams;
	}

	private static String personal(String userId) {
		return "u/" + userId;
	}

}
